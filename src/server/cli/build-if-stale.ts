import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { basemapIsCurrent } from './basemap-version';

/** Newest modification time under the given paths (files or folders). */
function newestMtime(paths: string[]): number {
  let newest = 0;
  const walk = (p: string) => {
    if (!fs.existsSync(p)) return;
    const st = fs.statSync(p);
    if (st.isDirectory()) for (const e of fs.readdirSync(p)) walk(path.join(p, e));
    else newest = Math.max(newest, st.mtimeMs);
  };
  paths.forEach(walk);
  return newest;
}

/** Writes .gz and .br next to every text asset so the server sends them without compressing per request. */
export function precompress(dir: string) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile() || !/\.(js|mjs|css|html|svg|json|geojson)$/.test(e.name)) continue;
    const file = path.join(e.parentPath, e.name);
    const data = fs.readFileSync(file);
    if (data.length < 1024) continue;
    fs.writeFileSync(`${file}.gz`, zlib.gzipSync(data, { level: 9 }));
    fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9 } }));
  }
}

const SPA_INPUTS = ['index.html', 'vite.config.ts', 'public', 'src/client', 'src/shared', 'package-lock.json'];

/** Builds the offline basemap when missing or outdated, then the SPA with Vite when dist/ is missing or older than its sources. */
export async function buildSpaIfStale(root = process.cwd()): Promise<string> {
  if (!basemapIsCurrent(path.join(root, 'public/basemap'))) {
    const { buildBasemap } = await import('./build-basemap');
    buildBasemap();
  }
  const dist = path.join(root, 'dist');
  const built = fs.existsSync(path.join(dist, 'index.html')) ? fs.statSync(path.join(dist, 'index.html')).mtimeMs : 0;
  if (built === 0 || newestMtime(SPA_INPUTS.map((p) => path.join(root, p))) > built) {
    console.log('Building the web app (vite build) …');
    const { build } = await import('vite');
    await build({ root, logLevel: 'warn' });
    precompress(dist);
  }
  return dist;
}
