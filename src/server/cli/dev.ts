import { createServer } from 'vite';
import { loadEnv } from '../env';
import { startServer } from '../server';

/** Development: the API on PORT+1, Vite's dev server with hot reload on PORT proxying API paths to it. */
async function main() {
  const env = loadEnv();
  const apiPort = env.PORT + 1;
  process.env.API_PORT = String(apiPort);
  await startServer({ ...env, PORT: apiPort });
  const vite = await createServer({ server: { port: env.PORT, host: env.HOST } });
  await vite.listen();
  vite.printUrls();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
