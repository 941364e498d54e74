import { parentPort, workerData } from 'node:worker_threads';
import { parseAfdc } from './afdc';
import { parseBnetza } from './bnetza';
import { parseNcr } from './ncr';
import { openInput } from './read-input';
import { packItems } from './item-codec';
import type { ParsedItem } from './types';

/**
 * Parses a CSV source in a worker thread and posts batches of parsed items, so that parsing (about half the cost
 * of an import) runs on a second core while the main thread writes to SQLite. At most MAX_IN_FLIGHT batches are
 * unacknowledged, which bounds memory when writing is the slower side.
 */
export type WorkerFormat = 'afdc' | 'ncr' | 'bnetza';
export interface ParseWorkerData {
  path: string;
  format: WorkerFormat;
  headerLine: string;
}
export type ParseWorkerMessage = { type: 'batch'; packed: unknown[]; bytesRead: number } | { type: 'done' } | { type: 'error'; message: string };

const BATCH = 1000;
const MAX_IN_FLIGHT = 4;

async function run() {
  const port = parentPort;
  if (!port) throw new Error('parse-worker must run in a worker thread');
  const { path, format, headerLine } = workerData as ParseWorkerData;
  let inFlight = 0;
  let wake: (() => void) | null = null;
  port.on('message', () => {
    inFlight--;
    wake?.();
    wake = null;
  });
  let bytesRead = 0;
  const stream = openInput(path).open((n) => (bytesRead = n));
  const items = format === 'afdc' ? parseAfdc(stream) : format === 'ncr' ? parseNcr(stream) : parseBnetza(stream, headerLine);
  let batch: ParsedItem[] = [];
  const flush = async () => {
    while (inFlight >= MAX_IN_FLIGHT) await new Promise<void>((r) => (wake = r));
    inFlight++;
    port.postMessage({ type: 'batch', packed: packItems(batch), bytesRead } satisfies ParseWorkerMessage);
    batch = [];
  };
  for await (const item of items) {
    batch.push(item);
    if (batch.length >= BATCH) await flush();
  }
  if (batch.length > 0) await flush();
  port.postMessage({ type: 'done' } satisfies ParseWorkerMessage);
}

run().catch((err: Error) => parentPort?.postMessage({ type: 'error', message: err.stack ?? err.message } satisfies ParseWorkerMessage));
