import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { MiddlewareHandler } from 'hono';

const gzip = promisify(zlib.gzip);
const COMPRESSIBLE = /json|xml|csv|javascript|text|kml/i;

/**
 * gzip at level 1 on zlib's thread pool. API responses are large JSON (hundreds of KB for a dense map view); level 1
 * shrinks them about as well as the default for this kind of text at a fraction of the CPU, and the work runs off
 * the event loop.
 */
export function fastCompress(threshold = 2048): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    if (!res.body || res.headers.has('Content-Encoding') || c.req.method === 'HEAD') return;
    if (!/\bgzip\b/.test(c.req.header('Accept-Encoding') ?? '')) return;
    if (!COMPRESSIBLE.test(res.headers.get('Content-Type') ?? '')) return;
    const body = Buffer.from(await res.arrayBuffer());
    const headers = new Headers(res.headers);
    headers.append('Vary', 'Accept-Encoding');
    if (body.length < threshold) {
      c.res = new Response(body, { status: res.status, headers });
      return;
    }
    const zipped = await gzip(body, { level: 1 });
    headers.set('Content-Encoding', 'gzip');
    headers.set('Content-Length', String(zipped.length));
    c.res = new Response(zipped, { status: res.status, headers });
  };
}
