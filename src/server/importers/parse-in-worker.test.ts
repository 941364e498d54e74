import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseInWorker } from './parse-in-worker';
import { parseAfdc } from './afdc';
import { parseNcr } from './ncr';
import { parseBnetza } from './bnetza';
import { openInput } from './read-input';
import type { ParsedItem } from './types';
import type { WorkerFormat } from './parse-worker';

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).pathname;

async function collect(items: AsyncIterable<ParsedItem | ParsedItem[]>): Promise<ParsedItem[]> {
  const out: ParsedItem[] = [];
  for await (const it of items) out.push(...(Array.isArray(it) ? it : [it]));
  return out;
}

describe('parsing in a worker thread (large CSV imports)', () => {
  it.each<[WorkerFormat, string]>([
    ['afdc', 'afdc-ma-sample.csv'],
    ['ncr', 'ncr-sample.csv'],
    ['bnetza', 'bnetza-koeln-sample.csv'],
  ])('yields exactly what the in-thread %s parser yields', async (format, name) => {
    const input = openInput(fixture(name));
    const headerLine = (await input.head()).split(/\r?\n/, 1)[0];
    const direct = await collect(format === 'afdc' ? parseAfdc(input.open()) : format === 'ncr' ? parseNcr(input.open()) : parseBnetza(input.open(), headerLine));
    const bytes: number[] = [];
    const viaWorker = await collect(parseInWorker({ path: input.path, format, headerLine }, (n) => bytes.push(n)));
    expect(direct.length).toBeGreaterThan(1);
    expect(viaWorker).toEqual(direct);
    expect(bytes.at(-1)).toBe(input.totalBytes);
  });

  it('keeps order and content across many batches (more rows than one hand-off holds)', async () => {
    const [header, ...rows] = fs.readFileSync(fixture('afdc-ny-sample.csv'), 'utf8').trimEnd().split('\n');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'parse-worker-')), 'afdc-many.csv');
    fs.writeFileSync(file, [header, ...Array.from({ length: 400 }, () => rows).flat()].join('\n'));
    const input = openInput(file);
    const direct = await collect(parseAfdc(input.open()));
    const viaWorker = await collect(parseInWorker({ path: file, format: 'afdc', headerLine: header }, () => {}));
    expect(direct.length).toBeGreaterThan(4000);
    expect(viaWorker).toEqual(direct);
  });

  it('reports a file that cannot be read as an error, not a hang', async () => {
    await expect(collect(parseInWorker({ path: fixture('no-such-file.csv'), format: 'afdc', headerLine: '' }, () => {}))).rejects.toThrow(/parse worker failed.*no-such-file/s);
  });
});

describe('stopping the parse worker', () => {
  it('ends at once when the writer stops before the first batch', async () => {
    const batches = parseInWorker({ path: fixture('afdc-ny-sample.csv'), format: 'afdc', headerLine: '' }, () => {});
    await expect(batches.return(undefined)).resolves.toEqual({ done: true, value: undefined });
    await expect(batches.next()).resolves.toEqual({ done: true, value: undefined });
  });
});
