import { z } from 'zod';
import { POWER_CLASSES } from '../power-class';
import { NetworkSchema } from './leccy-networks';
import { Review } from './checkins';

/** Response objects of the APIs, as zod schemas: the contract the SPA and the OpenAPI document share. */

export const ParamErrorSchema = z.object({ parameter: z.string(), message: z.string() });
export const BadRequestSchema = z
  .object({ status: z.literal(400), error: z.literal('Bad Request'), message: z.string(), errors: z.array(ParamErrorSchema) })
  .describe('A bad parameter: every failing parameter is named');
export const NotFoundSchema = z.object({ status: z.literal(404), error: z.literal('Not Found'), message: z.string() });

const RefObject = z.object({ ID: z.number(), Title: z.string().optional() }).loose();

export const OcmConnectionSchema = z
  .object({
    ID: z.number(),
    ConnectionTypeID: z.number(),
    ConnectionType: RefObject.nullable().optional(),
    Reference: z.string().nullable().optional(),
    StatusTypeID: z.number().nullable().optional(),
    StatusType: RefObject.nullable().optional(),
    LevelID: z.number().nullable().optional(),
    Level: RefObject.nullable().optional(),
    Amps: z.number().nullable().optional(),
    Voltage: z.number().nullable().optional(),
    PowerKW: z.number().nullable().optional(),
    CurrentTypeID: z.number().nullable().optional(),
    CurrentType: RefObject.nullable().optional(),
    Quantity: z.number().nullable().optional(),
    Comments: z.string().nullable().optional(),
  })
  .describe('OCM ConnectionInfo');

export const OcmAddressInfoSchema = z.object({
  ID: z.number(),
  Title: z.string(),
  AddressLine1: z.string().nullable().optional(),
  AddressLine2: z.string().nullable().optional(),
  Town: z.string().nullable().optional(),
  StateOrProvince: z.string().nullable().optional(),
  Postcode: z.string().nullable().optional(),
  CountryID: z.number().nullable().optional(),
  Country: RefObject.nullable().optional(),
  Latitude: z.number(),
  Longitude: z.number(),
  ContactTelephone1: z.string().nullable().optional(),
  ContactTelephone2: z.string().nullable().optional(),
  ContactEmail: z.string().nullable().optional(),
  AccessComments: z.string().nullable().optional(),
  RelatedURL: z.string().nullable().optional(),
  Distance: z.number().nullable().optional(),
  DistanceUnit: z.number().optional().describe('1 = km, 2 = miles'),
});

export const OcmPoiSchema = z
  .object({
    DataProvider: RefObject.nullable().optional(),
    OperatorInfo: RefObject.nullable().optional(),
    UsageType: RefObject.nullable().optional(),
    StatusType: RefObject.nullable().optional(),
    SubmissionStatus: RefObject.nullable().optional(),
    UserComments: z.array(z.unknown()).nullable().optional(),
    MediaItems: z.array(z.unknown()).nullable().optional(),
    IsRecentlyVerified: z.boolean(),
    DateLastVerified: z.string().nullable().optional(),
    ID: z.number(),
    UUID: z.string(),
    DataProviderID: z.number(),
    DataProvidersReference: z.string().nullable().optional(),
    OperatorID: z.number().nullable().optional(),
    UsageTypeID: z.number().nullable().optional(),
    UsageCost: z.string().nullable().optional(),
    AddressInfo: OcmAddressInfoSchema,
    Connections: z.array(OcmConnectionSchema),
    NumberOfPoints: z.number().nullable().optional(),
    GeneralComments: z.string().nullable().optional(),
    DatePlanned: z.string().nullable().optional(),
    DateLastConfirmed: z.string().nullable().optional(),
    StatusTypeID: z.number().nullable().optional(),
    DateLastStatusUpdate: z.string().nullable().optional(),
    DataQualityLevel: z.number().nullable().optional(),
    DateCreated: z.string().nullable().optional(),
    SubmissionStatusTypeID: z.number().optional(),
    Availability: z
      .object({
        StatusID: z.number().describe('PlugShare code: 0 unknown (stale), 1 available, 2 in use, 3 offline'),
        Title: z.string(),
        Available: z.number(),
        InUse: z.number(),
        Offline: z.number(),
        Unknown: z.number(),
        DateLastStatusUpdate: z.string(),
        IsSimulated: z.boolean(),
      })
      .optional()
      .describe('Extension: live availability from EVSE status logs; absent when no EVSE of the location ever reported'),
  })
  .loose()
  .describe('OCM POI (verbose, non-compact form; compact=true drops reference objects, verbose=false drops nulls, camelcase=true renames keys)');

export const PlugShareOutletSchema = z.object({
  id: z.number(),
  connector: z.number().describe('PlugShare connector id (0 = no PlugShare equivalent)'),
  power: z.number().nullable().describe('For connector 6: 0 HPWC (AC), 1 Supercharger (DC)'),
  available: z.number().nullable(),
  ocm_connection_type_id: z.number(),
  connector_name: z.string(),
  current_type_id: z.number().nullable(),
  kilowatts: z.number().nullable(),
  kilowatts_estimated: z.boolean().describe('true when the source gave no power and the value is a documented nominal one'),
  quantity: z.number().nullable(),
  status_type_id: z.number().nullable(),
});

export const PlugShareNetworkSchema = z.object({
  id: z.number(),
  name: z.string(),
  description: z.string().nullable(),
  action_name: z.string().nullable(),
  action_url: z.string().nullable(),
  phone: z.string().nullable(),
  image: z.string().nullable(),
});

export const PlugShareStationSchema = z.object({
  id: z.number(),
  created_at: z.string().nullable(),
  network: PlugShareNetworkSchema.nullable(),
  network_ext_id: z.string().nullable(),
  cost: z.number().describe('0 unknown, 1 free, 2 fee'),
  cost_description: z.string().nullable(),
  manufacturer: z.string().nullable(),
  model: z.string().nullable(),
  available: z.number().describe('0 unknown, 1 available, 2 in use, 3 offline: live when the EVSE reported recently, else from the OCM status'),
  outlets: z.array(PlugShareOutletSchema),
  evse_id: z.string().describe('Extension: the ev.energy EVSE id of this station (/v2/evses/{evse_id}/status_logs)'),
  available_updated_at: z.string().nullable().describe('Extension: when the live state in `available` was sampled; null when `available` comes from the OCM status'),
  available_simulated: z.boolean().describe('Extension: the live state in `available` came from the feed simulator'),
});

export const ProvenanceSchema = z.object({
  source: z.string(),
  source_id: z.string(),
  data_provider: z.string(),
  data_provider_id: z.number(),
  licence: z.string(),
  source_updated_at: z.string().nullable(),
  last_confirmed_at: z.string().nullable(),
  last_verified_at: z.string().nullable(),
  imported_at: z.string(),
  updated_at: z.string(),
  last_successful_checkin_at: z.string().nullable().optional().describe('Only on /locations/{id}'),
});

/** The location's own price text read into parts (see parse-price-text.ts); prices in major units. */
export const LocationTariffSchema = z.object({
  text: z.string(),
  text_date: z.string().nullable(),
  status: z.enum(['exact', 'free', 'partial', 'none']).describe('exact / free: every part understood; partial / none: show the text'),
  currency: z.string().nullable(),
  per_kwh: z.number().nullable(),
  per_hour: z.number().nullable(),
  session_fee: z.number().nullable(),
  idle_per_hour: z.number().nullable(),
  parking_per_hour: z.number().nullable(),
  parking_fee_applies: z.boolean(),
  notes: z.array(z.string()),
});
export type LocationTariff = z.infer<typeof LocationTariffSchema>;

export const PlugShareLocationSchema = z.object({
  id: z.number(),
  name: z.string(),
  icon: z.string(),
  latitude: z.number(),
  longitude: z.number(),
  created_at: z.string().nullable(),
  description: z.string().nullable(),
  stations: z.array(PlugShareStationSchema),
  reviews: z.array(Review).describe('Newest first; only on /locations/{id}'),
  photos: z.array(Review.shape.photos.element).describe('Only on /locations/{id}'),
  score: z.number().nullable().describe('PlugScore-like 0–10 from recency-weighted check-ins; null without rated check-ins'),
  availability: z
    .object({
      status: z.number().describe('0 unknown (stale), 1 available, 2 in use, 3 offline'),
      available: z.number(),
      in_use: z.number(),
      offline: z.number(),
      unknown: z.number(),
      updated_at: z.string(),
      simulated: z.boolean(),
    })
    .nullable()
    .describe('Extension: live availability from EVSE status logs; null when no EVSE ever reported'),
  checkins: z
    .object({ count: z.number(), last_checkin_at: z.string().nullable(), last_success_at: z.string().nullable(), last_failure_at: z.string().nullable() })
    .optional()
    .describe('Only on /locations/{id}'),
  custom_ports: z.string().nullable(),
  enabled: z.boolean(),
  cost: z.boolean(),
  cost_description: z.string().nullable(),
  access: z.number().describe('1 public, 2 restricted, 3 residential'),
  url: z.string(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  reverse_geocoded_address: z.string().nullable(),
  reverse_geocoded_address_components: z.array(z.unknown()).nullable(),
  payment_enabled: z.boolean(),
  valid_outlets: z.array(z.unknown()).nullable(),
  nissan_nctc: z.boolean().nullable(),
  qr_enabled: z.boolean().nullable(),
  pwps_version: z.number().nullable(),
  country_code: z.string().nullable().describe('ISO 3166-1 alpha-2'),
  open_hours: z.string().nullable(),
  status: z.object({ id: z.number(), title: z.string(), is_operational: z.boolean().nullable() }).nullable(),
  max_power_kw: z.number().nullable(),
  power_class: z.enum(POWER_CLASSES).nullable(),
  provenance: ProvenanceSchema,
  tariff: LocationTariffSchema.nullable().optional().describe('Only on /locations/{id}: the price text read into parts'),
  network_rates: z.array(NetworkSchema).optional().describe("Only on /locations/{id}: imported (Leccy or example) networks of this location's operator"),
  distance_meters: z.number().optional().describe('Only on /locations/nearby'),
  compass_bearing: z.number().optional().describe('Only on /locations/nearby; degrees clockwise from north'),
});
export type PlugShareLocation = z.infer<typeof PlugShareLocationSchema>;

