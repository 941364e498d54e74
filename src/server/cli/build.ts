import fs from 'node:fs';
import { buildSpaIfStale } from './build-if-stale';

// `npm run build`: always rebuild the web app (basemap data only when missing), then precompress it.
fs.rmSync('dist', { recursive: true, force: true });
await buildSpaIfStale();
