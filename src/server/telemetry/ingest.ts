import type { z } from 'zod';
import { INGEST_BATCH_MAX, type IngestReport } from '../../shared/api/evenergy-logs';
import type { ParamError } from '../../shared/api/query-params';

/** Samples this far ahead of the server clock are refused (clock skew beyond that is a bug in the sender). */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;

export type RecordErrors = IngestReport['rejected'][number]['errors'];

/** A batch body: an array of records, or `{ "source": "simulator" | "feed", "logs": [...] }`. */
export function batchOf(body: unknown): { logs: unknown[]; simulated: boolean } | ParamError[] {
  let logs: unknown = body;
  let simulated = false;
  if (body !== null && typeof body === 'object' && !Array.isArray(body)) {
    const b = body as Record<string, unknown>;
    if (b.source !== undefined && b.source !== 'simulator' && b.source !== 'feed') return [{ parameter: 'source', message: 'expected "feed" or "simulator"' }];
    simulated = b.source === 'simulator';
    logs = b.logs;
  }
  if (!Array.isArray(logs)) return [{ parameter: 'body', message: 'expected a JSON array of logs, or an object with a "logs" array' }];
  if (logs.length === 0) return [{ parameter: 'body', message: 'the batch holds no logs' }];
  if (logs.length > INGEST_BATCH_MAX) return [{ parameter: 'body', message: `at most ${INGEST_BATCH_MAX} logs per batch; send ${logs.length} in several` }];
  return { logs, simulated };
}

/** Validates each record on its own: good records go on, bad ones are reported by position with every reason. */
export function validateEach<S extends z.ZodType>(
  logs: unknown[],
  schema: S,
  check: (record: z.infer<S>, index: number) => RecordErrors,
): { good: Array<{ index: number; record: z.infer<S> }>; rejected: IngestReport['rejected'] } {
  const good: Array<{ index: number; record: z.infer<S> }> = [];
  const rejected: IngestReport['rejected'] = [];
  logs.forEach((raw, index) => {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      rejected.push({ index, errors: parsed.error.issues.map((i) => ({ field: i.path.join('.') || 'record', message: i.message })) });
      return;
    }
    const errors = check(parsed.data, index);
    if (errors.length > 0) rejected.push({ index, errors });
    else good.push({ index, record: parsed.data });
  });
  return { good, rejected };
}

export const bit = (b: boolean | null | undefined) => (b === null || b === undefined ? null : b ? 1 : 0);

/** The last path segment of an id or URL ("…/evses/evse01…/" → "evse01…"). */
export function idFromRef(ref: string): string {
  const parts = ref.split('?')[0].split('/').filter(Boolean);
  return parts[parts.length - 1] ?? '';
}
