import fs from 'node:fs';
import path from 'node:path';

export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];

export interface Timing {
  p50: number;
  p95: number;
  n: number;
}

/** Runs `fn` `warmup` times unmeasured, then `n` times, returning p50/p95 in ms. */
export async function timeIt(n: number, fn: (i: number) => Promise<unknown> | unknown, warmup = 5): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), n };
}

export interface Row {
  measure: string;
  value: string;
  target: string;
  ok: boolean | null;
}

export function writeResults(name: string, meta: Record<string, unknown>, rows: Row[]) {
  const dir = path.resolve('bench/results');
  fs.mkdirSync(dir, { recursive: true });
  const when = new Date().toISOString();
  fs.writeFileSync(path.join(dir, `${name}.json`), `${JSON.stringify({ when, ...meta, rows }, null, 2)}\n`);
  const table = [
    `# ${name} — ${when}`,
    '',
    ...Object.entries(meta).map(([k, v]) => `- ${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`),
    '',
    '| measure | value | target | met |',
    '|---|---|---|---|',
    ...rows.map((r) => `| ${r.measure} | ${r.value} | ${r.target} | ${r.ok === null ? '' : r.ok ? 'yes' : '**no**'} |`),
  ].join('\n');
  fs.writeFileSync(path.join(dir, `${name}.md`), `${table}\n`);
  console.log(`\n${table}\n\nWritten to bench/results/${name}.json and .md`);
}

export const ms = (t: number) => `${t.toFixed(1)} ms`;
