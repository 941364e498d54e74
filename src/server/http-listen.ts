import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Serves a fetch handler over HTTP and resolves once it listens. Idle keep-alive connections outlive a client's pool
 * (undici, load balancers): a server that closed them first would race the client's next request on them
 * (ECONNRESET), so they are kept 65 s.
 */
export async function listen(fetch: (req: Request) => Response | Promise<Response>, port: number, hostname: string): Promise<{ server: Server; port: number }> {
  const server = serve({ fetch, port, hostname }) as Server;
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  return { server, port: (server.address() as AddressInfo).port };
}
