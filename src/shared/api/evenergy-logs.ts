import { z } from 'zod';

/**
 * ev.energy v2 status and command logs: list queries, the objects as the documents show them, and this server's
 * ingestion bodies (ev.energy has no public ingestion; ours takes the same field names). Times are ISO 8601 with a
 * zone; they are kept to the millisecond.
 */

/** An ISO 8601 instant with a zone (Z or ±hh:mm), up to microseconds, as ev.energy writes them. */
export const isoInstant = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i, 'expected an ISO 8601 date-time with a zone, e.g. 2024-04-17T09:39:45.984584Z')
  .transform((s, ctx) => {
    // Date.parse keeps milliseconds; longer fractions are cut to three digits first so every engine agrees.
    const ms = Date.parse(s.replace(/(\.\d{3})\d+/, '$1'));
    if (Number.isNaN(ms)) {
      ctx.addIssue({ code: 'custom', message: 'not a valid date-time' });
      return z.NEVER;
    }
    return ms;
  });

const cursor = z.string().trim().min(1).max(200);
export const PAGE_SIZE_DEFAULT = 50;
export const PAGE_SIZE_MAX = 1000;

const pageFields = {
  page_before: cursor.optional().describe('Return results from the page before this ID (newer logs)'),
  page_after: cursor.optional().describe('Return results from the page after this ID (older logs)'),
  page_size: z
    .string()
    .trim()
    .regex(/^\d{1,6}$/, 'expected an integer')
    .transform(Number)
    .pipe(z.number().int().min(1).max(PAGE_SIZE_MAX))
    .optional()
    .describe(`Number of results per page (default ${PAGE_SIZE_DEFAULT}, at most ${PAGE_SIZE_MAX})`),
};

const expandOf = (what: 'evse' | 'vehicle') =>
  z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.literal(what))
    .optional()
    .describe(`\`${what}\` embeds the ${what} object instead of its URL`);

const sampledRange = {
  sampled_at__gte: isoInstant.optional().describe('Logs sampled at or after this date-time'),
  sampled_at__lte: isoInstant.optional().describe('Logs sampled at or before this date-time'),
};

export const EvseStatusLogsQuery = z.object({ ...pageFields, ...sampledRange, expand: expandOf('evse') });
export const EvseCommandLogsQuery = z.object({
  ...pageFields,
  logged_at__gte: isoInstant.optional().describe('Logs logged at or after this date-time'),
  logged_at__lte: isoInstant.optional().describe('Logs logged at or before this date-time'),
  expand: expandOf('evse'),
});
export const VehicleStatusLogsQuery = z.object({ ...pageFields, ...sampledRange, expand: expandOf('vehicle') });
export const ExpandEvseQuery = z.object({ expand: expandOf('evse') });
export const ExpandVehicleQuery = z.object({ expand: expandOf('vehicle') });

/** This server's EVSE object (ev.energy's documents name it only by URL): the station and where it is. */
export const EvseSchema = z.object({
  id: z.string(),
  url: z.string(),
  location_id: z.number().int().describe('The PlugShare location / OCM POI the EVSE belongs to'),
  location: z.string().describe('URL of the location (PlugShare shape)'),
  name: z.string(),
  network_ext_id: z.string().nullable(),
  connectors: z.array(z.object({ type: z.string(), power_kw: z.number().nullable() })),
  status_logs: z.string(),
  command_logs: z.string(),
});
export type Evse = z.infer<typeof EvseSchema>;

export const EvseStatusLogSchema = z.object({
  url: z.string(),
  sampled_at: z.string(),
  logged_at: z.string(),
  evse: z.union([z.string(), EvseSchema]),
  is_plugged_in: z.boolean().nullable(),
  is_charging: z.boolean().nullable(),
  charge_rate_watts: z.number().nullable(),
  is_out_of_order: z.boolean().nullable().describe('Extension: the EVSE reported a fault (offline)'),
  source: z.enum(['feed', 'simulator']).describe('Extension: `simulator` for logs posted by npm run simulate:feed'),
});
export type EvseStatusLog = z.infer<typeof EvseStatusLogSchema>;

export const EvseCommandLogSchema = z.object({
  url: z.string(),
  logged_at: z.string(),
  evse: z.union([z.string(), EvseSchema]),
  max_load_target_milliamps: z.number().int().nullable(),
  is_enabled_target: z.boolean().nullable(),
  always_enabled: z.boolean().nullable(),
  reason: z.string().nullable(),
  internal_command_id: z.string().nullable(),
});
export type EvseCommandLog = z.infer<typeof EvseCommandLogSchema>;

export const UserVehicleSchema = z.object({
  id: z.string(),
  url: z.string(),
  name: z.string().nullable(),
  created_at: z.string(),
  status_logs: z.string(),
});
export type UserVehicle = z.infer<typeof UserVehicleSchema>;

export const VehicleStatusLogSchema = z.object({
  url: z.string(),
  logged_at: z.string(),
  sampled_at: z.string(),
  vehicle: z.union([z.string(), UserVehicleSchema]),
  state_of_charge_percentage: z.number().nullable(),
  is_charging: z.boolean().nullable(),
  is_plugged_in: z.boolean().nullable(),
  charge_rate_watts: z.number().nullable(),
});
export type VehicleStatusLog = z.infer<typeof VehicleStatusLogSchema>;

// ---- ingestion ----

const optBool = z.boolean().nullable().optional();
const watts = z.number().min(0).max(10_000_000).nullable().optional();
/** A URL or a bare id: a record may name its EVSE either way. */
const evseRef = z.string().trim().min(1).max(300);

export const EvseStatusLogInput = z.object({
  evse: evseRef.optional().describe('EVSE id or URL; required in the batch route, implied by the path otherwise'),
  sampled_at: isoInstant,
  is_plugged_in: optBool,
  is_charging: optBool,
  charge_rate_watts: watts,
  is_out_of_order: optBool,
});
export type EvseStatusLogInput = z.infer<typeof EvseStatusLogInput>;

export const EvseCommandLogInput = z.object({
  evse: evseRef.optional(),
  logged_at: isoInstant.optional().describe('Defaults to the time the server receives it'),
  max_load_target_milliamps: z.number().int().min(0).max(10_000_000).nullable().optional(),
  is_enabled_target: optBool,
  always_enabled: optBool,
  reason: z.string().trim().max(100).nullable().optional(),
  internal_command_id: z.string().trim().max(100).nullable().optional(),
});
export type EvseCommandLogInput = z.infer<typeof EvseCommandLogInput>;

export const VehicleStatusLogInput = z.object({
  sampled_at: isoInstant,
  state_of_charge_percentage: z.number().min(0).max(100).nullable().optional(),
  is_charging: optBool,
  is_plugged_in: optBool,
  charge_rate_watts: watts,
});
export type VehicleStatusLogInput = z.infer<typeof VehicleStatusLogInput>;

export const CreateVehicleBody = z.object({ name: z.string().trim().min(1).max(100).optional() });

/** What a batch POST answers: counts, and each rejected record by its position with the reasons. */
export const IngestReportSchema = z.object({
  received: z.number().int(),
  inserted: z.number().int(),
  duplicates: z.number().int().describe('Records whose (id, time) was already stored; the first one is kept'),
  rejected: z.array(z.object({ index: z.number().int(), errors: z.array(z.object({ field: z.string(), message: z.string() })) })),
});
export type IngestReport = z.infer<typeof IngestReportSchema>;

export const INGEST_BATCH_MAX = 10_000;
