import fs from 'node:fs';
import zlib from 'node:zlib';
import { Readable } from 'node:stream';

/** An input file opened for import: `.gz` (by magic bytes, not name) is decompressed transparently. */
export interface InputFile {
  path: string;
  /** Size on disk, for the progress bar (compressed bytes for .gz). */
  totalBytes: number;
  gzipped: boolean;
  /** Opens a fresh decompressed text stream; `onBytes` reports raw bytes read from disk. */
  open(onBytes?: (readSoFar: number) => void): Readable;
  /** First `n` decompressed bytes, without the UTF-8 byte-order mark, for format detection. */
  head(n?: number): Promise<string>;
}

export function openInput(path: string): InputFile {
  const stat = fs.statSync(path);
  if (!stat.isFile()) throw new Error(`${path} is not a file`);
  const fd = fs.openSync(path, 'r');
  const magic = Buffer.alloc(2);
  fs.readSync(fd, magic, 0, 2, 0);
  fs.closeSync(fd);
  const gzipped = magic[0] === 0x1f && magic[1] === 0x8b;

  const open = (onBytes?: (n: number) => void): Readable => {
    const raw = fs.createReadStream(path, { highWaterMark: 1 << 20 });
    // bytesRead counts bytes from disk even when the consumer sets a text encoding on an uncompressed stream.
    if (onBytes) raw.on('data', () => onBytes(raw.bytesRead));
    // 256 KB pieces of decompressed text instead of zlib's 16 KB: a sixteenth of the chunks to pass along.
    return gzipped ? raw.pipe(zlib.createGunzip({ chunkSize: 1 << 18 })) : raw;
  };

  const head = async (n = 65536): Promise<string> => {
    const chunks: Buffer[] = [];
    let got = 0;
    const stream = open();
    for await (const chunk of stream) {
      chunks.push(chunk as Buffer);
      got += (chunk as Buffer).length;
      if (got >= n) break;
    }
    stream.destroy();
    return stripBom(Buffer.concat(chunks).subarray(0, n).toString('utf8'));
  };

  return { path, totalBytes: stat.size, gzipped, open, head };
}

export const stripBom = (s: string) => (s.charCodeAt(0) === 0xfeff ? s.slice(1) : s);

/** Reads the whole decompressed file as text (for JSON documents). */
export async function readAllText(input: InputFile, onBytes?: (n: number) => void): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of input.open(onBytes)) chunks.push(chunk as Buffer);
  return stripBom(Buffer.concat(chunks).toString('utf8'));
}
