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

/**
 * Starts parse-worker.ts at once (it boots and parses its first batch while the caller prepares its writes) and
 * yields its batches of items in order, acknowledging each to let the worker go on. Ending the iteration early
 * (`return()`, also before the first batch) stops the worker.
 */
export function parseInWorker(data: ParseWorkerData, onBytes: (n: number) => void): AsyncGenerator<ParsedItem[]> {
  // A larger young generation: parsing allocates ~5 KB per row that dies within a batch, and fewer, larger
  // scavenges cost less in total.
  const worker = new Worker(parseWorkerScript(), { eval: true, workerData: data, resourceLimits: { maxYoungGenerationSizeMb: 128 } });
  const inbox: { queue: ParseWorkerMessage[]; notify: (() => void) | null; exitError: Error | null } = { queue: [], notify: null, exitError: null };
  const wake = () => inbox.notify?.();
  worker.on('message', (m: ParseWorkerMessage) => {
    inbox.queue.push(m);
    wake();
  });
  worker.on('error', (err) => {
    inbox.exitError = err;
    wake();
  });
  worker.on('exit', (code) => {
    if (code !== 0 && !inbox.exitError) inbox.exitError = new Error(`parse worker exited with code ${code}`);
    wake();
  });
  const batches = receive(worker, inbox, onBytes);
  const finish = batches.return.bind(batches);
  batches.return = async (value) => {
    await worker.terminate();
    return finish(value);
  };
  return batches;
}

async function* receive(
  worker: Worker,
  inbox: { queue: ParseWorkerMessage[]; notify: (() => void) | null; exitError: Error | null },
  onBytes: (n: number) => void,
): AsyncGenerator<ParsedItem[]> {
  try {
    for (;;) {
      while (inbox.queue.length === 0) {
        if (inbox.exitError) throw inbox.exitError;
        await new Promise<void>((r) => (inbox.notify = r));
        inbox.notify = null;
      }
      const m = inbox.queue.shift() as ParseWorkerMessage;
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
