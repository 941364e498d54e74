import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import type { PhotoInput } from '../repositories/checkin-repository';

/**
 * Uploaded photos: the type is sniffed from the bytes (file-type), never taken from the name or the declared
 * type; only JPEG, PNG and WebP pass. sharp (libvips) then decodes and re-encodes the image, which drops every
 * metadata block (EXIF incl. GPS position, XMP, IPTC) after applying the EXIF orientation, and makes a thumbnail.
 */
export const PHOTO_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
const MAX_EDGE = 2048;
const THUMB_EDGE = 320;
const MAX_PIXELS = 50_000_000;

export class PhotoRejected extends Error {
  constructor(
    message: string,
    readonly status: 400 | 413 | 415,
  ) {
    super(message);
  }
}

export async function processPhoto(bytes: Buffer, maxBytes: number, comment: string | null = null): Promise<PhotoInput> {
  if (bytes.length === 0) throw new PhotoRejected('the photo is empty', 400);
  if (bytes.length > maxBytes) throw new PhotoRejected(`the photo is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`, 413);
  const sniffed = await fileTypeFromBuffer(bytes);
  if (!sniffed || !(PHOTO_MIME_TYPES as readonly string[]).includes(sniffed.mime)) {
    throw new PhotoRejected(`only JPEG, PNG or WebP photos are accepted (this file is ${sniffed ? sniffed.mime : 'not a recognised image'})`, 415);
  }
  try {
    const base = sharp(bytes, { limitInputPixels: MAX_PIXELS, failOn: 'error' }).rotate();
    const resized = base.clone().resize({ width: MAX_EDGE, height: MAX_EDGE, fit: 'inside', withoutEnlargement: true });
    const encoded =
      sniffed.mime === 'image/png' ? resized.png({ compressionLevel: 8 }) : sniffed.mime === 'image/webp' ? resized.webp({ quality: 85 }) : resized.jpeg({ quality: 85, mozjpeg: true });
    const { data: original, info } = await encoded.toBuffer({ resolveWithObject: true });
    const thumbnail = await base.clone().resize({ width: THUMB_EDGE, height: THUMB_EDGE, fit: 'inside', withoutEnlargement: true }).webp({ quality: 75 }).toBuffer();
    return { mime: sniffed.mime, width: info.width, height: info.height, original, thumbnail, thumbnailMime: 'image/webp', comment };
  } catch (err) {
    throw new PhotoRejected(`the photo could not be decoded (${(err as Error).message.split('\n')[0]})`, 400);
  }
}
