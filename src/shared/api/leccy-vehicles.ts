import { z } from 'zod';
import { queryEnum } from './query-params';

/** Leccy's /vehicles contract (objects as the Leccy document defines them, plus documented extensions). */
export const VEHICLE_STATUSES = ['current', 'future', 'discontinued'] as const;
export const VEHICLE_TYPES = ['car', 'truck', 'van', 'motorbike'] as const;

export const VehiclesQuery = z.object({
  status: queryEnum(['all', ...VEHICLE_STATUSES]).default('all'),
  type: queryEnum(['all', ...VEHICLE_TYPES]).default('all'),
  manufacturer: z.string().trim().min(1).max(80).default('all'),
  distance: queryEnum(['imperial', 'metric']).default('imperial'),
  sort: queryEnum(['name', 'range']).default('name'),
  order: queryEnum(['asc', 'desc']).default('asc'),
  /** Extension: words that must all appear in "manufacturer name variant". */
  q: z.string().trim().max(80).optional(),
});
export type VehiclesQuery = z.infer<typeof VehiclesQuery>;

export const VehicleQuery = VehiclesQuery.pick({ distance: true });

export const MinMax = z.object({ min: z.number().int(), max: z.number().int() });
/** Range object: only the standards the data has are present. */
export const RangeObject = z.object({ wltp: z.number().int().optional(), epa: z.number().int().optional(), nedc: z.number().int().optional(), est: z.number().int().optional() });

export const CurvePointSchema = z.object({ percentage: z.number(), power: z.number() });

export const VariantSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  year: z.number().int().nullable(),
  range: RangeObject,
  // Extensions for planning, from Open EV Data.
  uuid: z.string(),
  status: z.enum(VEHICLE_STATUSES),
  powertrain: z.enum(['bev', 'phev']).nullable(),
  batteryKwh: z.number().nullable(),
  consumptionKwhPer100Km: z.number().nullable(),
  ac: z.object({ ports: z.array(z.string()), maxPowerKw: z.number(), phases: z.number().nullable() }).nullable(),
  dc: z.object({ ports: z.array(z.string()), maxPowerKw: z.number(), curve: z.array(CurvePointSchema), isDefaultCurve: z.boolean() }).nullable(),
});
export type Variant = z.infer<typeof VariantSchema>;

export const VehicleSchema = z.object({
  id: z.string(),
  name: z.string(),
  manufacturer: z.string(),
  status: z.enum(VEHICLE_STATUSES),
  type: z.enum(VEHICLE_TYPES),
  range: MinMax.nullable(),
  /** Open EV Data has no seat counts. */
  seats: MinMax.nullable(),
  variants: z.array(VariantSchema),
  // Extensions.
  distanceUnit: z.enum(['mi', 'km']),
  source: z.string(),
  licence: z.string(),
});
export type Vehicle = z.infer<typeof VehicleSchema>;

/** ev.energy /v2/vehicle_makes object. */
export const VehicleMakeSchema = z.object({
  id: z.string(),
  url: z.string(),
  name: z.string(),
  icon: z.string().nullable(),
  onboarding_url: z.string().nullable(),
  models: z.string(),
});
export type VehicleMake = z.infer<typeof VehicleMakeSchema>;
