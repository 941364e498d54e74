import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import type { ParseWorkerData, ParseWorkerMessage } from './parse-worker';
import { unpackItems } from './item-codec';
import type { ParsedItem } from './types';

let workerScript: string | null = null;

/**
 * parse-worker.ts and its imports as one CommonJS script, bundled once per process. A worker started on the
 * TypeScript file would boot tsx's loader (and its loader-hooks thread) first: about 0.3 s before the first row,
 * a tenth of a 100,000-row import. esbuild is what tsx itself compiles with.
 */
function parseWorkerScript(): string {
  workerScript ??= buildSync({
    entryPoints: [fileURLToPath(new URL('./parse-worker.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    logLevel: 'silent',
  }).outputFiles[0].text;
  return workerScript;
}

/** Runs parse-worker.ts and yields its batches of items in order, acknowledging each to let the worker go on. */
export async function* parseInWorker(data: ParseWorkerData, onBytes: (n: number) => void): AsyncGenerator<ParsedItem[]> {
  // A larger young generation: parsing allocates ~5 KB per row that dies within a batch, and fewer, larger
  // scavenges cost less in total.
  const worker = new Worker(parseWorkerScript(), { eval: true, workerData: data, resourceLimits: { maxYoungGenerationSizeMb: 128 } });
  const queue: ParseWorkerMessage[] = [];
  let notify: (() => void) | null = null;
  let exitError: Error | null = null;
  worker.on('message', (m: ParseWorkerMessage) => {
    queue.push(m);
    notify?.();
  });
  worker.on('error', (err) => {
    exitError = err;
    notify?.();
  });
  worker.on('exit', (code) => {
    if (code !== 0 && !exitError) exitError = new Error(`parse worker exited with code ${code}`);
    notify?.();
  });
  try {
    for (;;) {
      while (queue.length === 0) {
        if (exitError) throw exitError;
        await new Promise<void>((r) => (notify = r));
        notify = null;
      }
      const m = queue.shift() as ParseWorkerMessage;
      if (m.type === 'done') return;
      if (m.type === 'error') throw new Error(`parse worker failed: ${m.message}`);
      worker.postMessage('ack');
      onBytes(m.bytesRead);
      yield unpackItems(m.packed);
    }
  } finally {
    await worker.terminate();
  }
}
