import v8 from 'node:v8';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { csvRows } from './csv-rows';

/** The CSV's bytes in pieces of `size`, so that multi-byte characters are cut between chunks. */
const stream = (text: string, size: number) => {
  const bytes = Buffer.from(text, 'utf8');
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) parts.push(bytes.subarray(i, i + size));
  return Readable.from(parts);
};
const rows = async (text: string, size: number) => {
  const out = [];
  for await (const r of csvRows(stream(text, size))) out.push(r);
  return out;
};
/** V8's serialiser tags a one-byte string '"' and a two-byte one 'c'. */
const isOneByte = (s: string) => v8.serialize(s)[2] === 0x22;

describe('csvRows', () => {
  const csv = '\uFEFFID,Name,Note\r\n1,Café Ötztal,"Quoted, with ’curly’ and\nnewline"\r\n2,Plain,🚗 充电站\r\n3,ASCII only,x\r\n';

  it('decodes UTF-8 fields exactly, whatever the chunk boundaries, with the BOM dropped and record lines counted', async () => {
    // From 17 bytes on, the first chunk holds the header's line end, which Papa Parse reads the newline style from.
    for (const size of [17, 18, 19, 23, 29, 1 << 20]) {
      const r = await rows(csv, size);
      expect(r.map((x) => x.row)).toEqual([
        { ID: '1', Name: 'Café Ötztal', Note: 'Quoted, with ’curly’ and\nnewline' },
        { ID: '2', Name: 'Plain', Note: '🚗 充电站' },
        { ID: '3', Name: 'ASCII only', Note: 'x' },
      ]);
      expect(r.map((x) => x.line)).toEqual([3, 4, 5]);
      expect(r[1].raw).toBe('2\u001fPlain\u001f🚗 充电站');
    }
  });

  it('gives ASCII fields as one-byte strings even when the text around them needs two bytes a character', async () => {
    const [first, second, third] = await rows(csv, 1 << 20);
    expect(isOneByte(third.row.Name)).toBe(true);
    expect(isOneByte(third.raw)).toBe(true);
    expect(isOneByte(first.row.ID)).toBe(true);
    // Latin-1 text stays one byte a character too; text beyond it cannot.
    expect(isOneByte(first.row.Name)).toBe(true);
    expect(isOneByte(second.row.Note)).toBe(false);
  });
});
