import { loadEnv } from '../env';
import { startServer } from '../server';

/** The real server without the SPA, for tests that run it as a separate process (and kill it). Prints its port. */
const { port } = await startServer(loadEnv());
console.log(`listening ${port}`);
