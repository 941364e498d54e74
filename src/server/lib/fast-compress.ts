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
    // Only headers are read until the answer is known to be compressed: touching `body` turns @hono/node-server's
    // lightweight response into a full web Response whose body is then streamed (~15 % of a small request's time).
    if (c.req.method === 'HEAD' || !/\bgzip\b/.test(c.req.header('Accept-Encoding') ?? '')) return;
    const res = c.res;
    if (res.headers.has('Content-Encoding') || !COMPRESSIBLE.test(res.headers.get('Content-Type') ?? '') || !res.body) return;
    const body = Buffer.from(await res.arrayBuffer());
    const headers = new Headers(res.headers);
    headers.append('Vary', 'Accept-Encoding');
    // The new response carries every header already; clearing c.res first stops Hono from merging the old one's
    // headers into it by rebuilding it from its body stream.
    c.res = undefined;
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
