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
