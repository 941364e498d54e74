import { z } from 'zod';
import path from 'node:path';

// Configuration comes from the environment only, validated once at start. Every variable is listed in the README.
const bool = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_PATH: z.string().default(path.join('var', 'evmap.sqlite')),
  DATA_DIR: z.string().default('data'),
  /** Build the database from data/ when it is empty (first run). */
  AUTO_IMPORT: bool.default(true),
  /** Absolute URL this server is reached at; used in links such as PlugShare's `url`. Defaults to the request's origin. */
  PUBLIC_BASE_URL: z.string().url().optional(),
  /** Upper bound for OCM `maxresults` (OCM itself caps large requests). */
  MAX_RESULTS_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(10_000),
  LOG_REQUESTS: bool.default(false),
  /** HS256 secret for access tokens (≥ 32 characters). When unset, one is generated and kept in the database. */
  JWT_SECRET: z.string().min(32).optional(),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(10).max(86_400).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /** Requests per RATE_LIMIT_WINDOW_SECONDS per caller (IP, user or API key) by access level; 0 turns a limit off. */
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  RATE_LIMIT_PUBLIC: z.coerce.number().int().min(0).default(600),
  RATE_LIMIT_REGISTERED: z.coerce.number().int().min(0).default(1200),
  RATE_LIMIT_FULL: z.coerce.number().int().min(0).default(6000),
  /** Monthly request limits of signed-in callers by access level (Leccy's figures by default); 0 = unlimited. */
  MONTHLY_LIMIT_REGISTERED: z.coerce.number().int().min(0).default(100),
  MONTHLY_LIMIT_FULL: z.coerce.number().int().min(0).default(1000),
  /** Check-ins one user may post at one location per hour. */
  CHECKINS_PER_LOCATION_PER_HOUR: z.coerce.number().int().min(1).default(3),
  COMMENT_MAX_LENGTH: z.coerce.number().int().min(1).max(100_000).default(2000),
  PHOTO_MAX_BYTES: z.coerce.number().int().min(1024).default(10 * 1024 * 1024),
  /** Leccy API to sync tariffs from when LECCY_TOKEN is set (at start, then every LECCY_SYNC_HOURS). */
  LECCY_API_URL: z.string().url().default('https://v1.api.leccy.net'),
  LECCY_TOKEN: z.string().min(1).optional(),
  LECCY_SYNC_HOURS: z.coerce.number().min(0).max(24 * 365).default(24),
  /** An OSRM-compatible routing service for road routes; without it routes are straight lines between waypoints. */
  OSRM_URL: z.string().url().optional(),
  OSRM_PROFILE: z.string().regex(/^[a-z_-]+$/).default('driving'),
  OSRM_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(8000),
  /** ev.energy routes (/v2): requests per caller per hour, as ev.energy's rate-limit headers report; 0 turns it off. */
  EVENERGY_RATE_LIMIT_PER_HOUR: z.coerce.number().int().min(0).default(1000),
  /**
   * Bearer token of the telemetry feed (EVSE status and command logs). When unset, one is generated at first start
   * and kept in the database (`npm run simulate:feed -- --print-token` shows it).
   */
  FEED_TOKEN: z.string().min(24).optional(),
  /** Days of EVSE status and command logs kept (older ones are pruned at start and daily); 0 keeps everything. */
  TELEMETRY_RETENTION_DAYS: z.coerce.number().int().min(0).max(36_500).default(400),
  /** Minutes after which an EVSE's newest status log no longer counts: its availability becomes unknown. */
  AVAILABILITY_STALE_MINUTES: z.coerce.number().min(1).max(7 * 24 * 60).default(15),
  /** Use X-Forwarded-For for the caller's address (only behind a trusted reverse proxy). */
  TRUST_PROXY: bool.default(false),
});

export type Env = z.infer<typeof EnvSchema>;

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  // Empty strings mean "not set" so `PORT= npm start` behaves like no PORT at all.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
