import { z } from 'zod';
import { DateObject } from './account';
import { queryEnum } from './query-params';
import { POWER_CLASSES } from '../power-class';

/** Leccy's /networks and /services contract, plus documented extensions (currency, time prices, provenance). */
export const NetworksQuery = z.object({
  name: z.string().trim().min(1).max(120).default('all'),
  order: queryEnum(['asc', 'desc']).default('asc'),
});

export const NetworkQuery = z.object({
  speeds: queryEnum(['all', ...POWER_CLASSES]).default('all'),
  status: queryEnum(['all', 'current', 'discontinued']).default('current'),
});

/** Prices in minor units (pence, cents). `monthly` and `excessKwh` are for registered callers. */
export const CostObject = z.object({
  kwh: z.number(),
  connection: z.number(),
  monthly: z.number().optional(),
  excessKwh: z.number().optional(),
  // Extensions: per hour connected, idle per hour after charging, parking per hour.
  hour: z.number().optional(),
  idleHour: z.number().optional(),
  parkingHour: z.number().optional(),
});
export type CostObject = z.infer<typeof CostObject>;

export const LocationRateSchema = z.object({
  place: z.string(),
  costs: CostObject,
  locationId: z.number().int().nullable().optional(),
  lastUpdated: DateObject.nullable().optional(),
});

export const RateSchema = z.object({
  id: z.string(),
  name: z.string(),
  lastUpdated: DateObject,
  costs: CostObject,
  energyIncluded: z.number(),
  locations: z.array(LocationRateSchema).optional(),
  // Extensions.
  currency: z.string(),
  current: z.boolean(),
  sourceText: z.string().nullable(),
  source: z.string(),
  licence: z.string().nullable(),
  isExample: z.boolean(),
});
export type Rate = z.infer<typeof RateSchema>;

export const ServiceSchema = z.object({
  id: z.string(),
  network: z.string().optional(),
  name: z.string(),
  supportedSpeeds: z.array(z.enum(POWER_CLASSES)),
  maxPower: z.object({ ac: z.number(), dc: z.number() }),
  rates: z.array(RateSchema),
  status: z.enum(['current', 'discontinued']),
});
export type Service = z.infer<typeof ServiceSchema>;

export const NetworkSchema = z.object({
  id: z.string(),
  name: z.string(),
  urls: z.array(z.string()),
  services: z.array(ServiceSchema),
  logo: z.string().nullable().optional(),
  // Extensions.
  operatorId: z.number().int().nullable(),
  source: z.string(),
  isExample: z.boolean(),
});
export type Network = z.infer<typeof NetworkSchema>;

/**
 * A tariff file in Leccy's JSON shape: an array of Network objects (or `{ networks: [...] }`), as /networks returns
 * them. Costs are in minor units; `currency` (extension) defaults to GBP, Leccy's currency. `isExample: true` marks
 * invented data, which the app labels wherever it shows it.
 */
const ImportCost = z.object({
  kwh: z.number().min(0).max(100_000).default(0),
  connection: z.number().min(0).max(1_000_000).default(0),
  monthly: z.number().min(0).max(1_000_000).default(0),
  excessKwh: z.number().min(0).max(100_000).default(0),
  hour: z.number().min(0).max(1_000_000).default(0),
  idleHour: z.number().min(0).max(1_000_000).default(0),
  parkingHour: z.number().min(0).max(1_000_000).default(0),
});
const ImportDate = z.union([DateObject, z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'expected a date')]);
export const LeccyImportRate = z.object({
  id: z.union([z.string().min(1).max(80), z.number().int()]).transform(String),
  name: z.string().min(1).max(200),
  lastUpdated: ImportDate,
  costs: ImportCost,
  energyIncluded: z.number().min(0).max(100_000).default(0),
  locations: z.array(z.object({ place: z.string().min(1).max(200), costs: ImportCost })).default([]),
  currency: z.string().regex(/^[A-Z]{3}$/).optional(),
  current: z.boolean().optional(),
  sourceText: z.string().max(2000).nullable().optional(),
});
export const LeccyImportService = z.object({
  id: z.union([z.string().min(1).max(80), z.number().int()]).transform(String),
  name: z.string().min(1).max(200),
  supportedSpeeds: z.array(z.enum(POWER_CLASSES)).default([]),
  maxPower: z.object({ ac: z.number().min(0).max(2000).default(0), dc: z.number().min(0).max(2000).default(0) }).default({ ac: 0, dc: 0 }),
  rates: z.array(LeccyImportRate).default([]),
  status: z.enum(['current', 'discontinued']).default('current'),
});
export const LeccyImportNetwork = z.object({
  id: z.union([z.string().min(1).max(80), z.number().int()]).transform(String),
  name: z.string().min(1).max(200),
  urls: z.array(z.string().max(500)).default([]),
  logo: z.string().max(500).nullable().optional(),
  services: z.array(LeccyImportService).default([]),
  isExample: z.boolean().default(false),
});
export type LeccyImportNetwork = z.infer<typeof LeccyImportNetwork>;
