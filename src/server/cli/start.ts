import { loadEnv } from '../env';
import { startServer } from '../server';
import { buildSpaIfStale } from './build-if-stale';

async function main() {
  const env = loadEnv();
  const staticDir = await buildSpaIfStale();
  const { port, close } = await startServer(env, { staticDir });
  console.log(`EV charging map ready: http://localhost:${port}/  (API: http://localhost:${port}/v3/poi?maxresults=10)`);
  const stop = () => void close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
