import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app';
import { createSmallTestApp } from './test/test-app';

let dir: string;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  // serveStatic resolves its root from the working directory: the built SPA is laid out in a folder under it.
  fs.mkdirSync(path.join(process.cwd(), 'var'), { recursive: true });
  dir = fs.mkdtempSync(path.join(process.cwd(), 'var', 'static-test-'));
  fs.mkdirSync(path.join(dir, 'basemap/tiles/0/0'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>SPA</title>');
  fs.writeFileSync(path.join(dir, 'basemap/tiles/0/0/0.pbf'), Buffer.from([0x1a, 0x00]));
  const small = await createSmallTestApp();
  app = createApp(small.deps, { staticDir: dir });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the built web app', () => {
  it('serves files, an empty tile for open sea, 404 for other missing files and the SPA for client routes', async () => {
    const tile = await app.request('/basemap/tiles/0/0/0.pbf');
    expect(tile.status).toBe(200);
    expect(new Uint8Array(await tile.arrayBuffer())).toEqual(new Uint8Array([0x1a, 0x00]));
    const sea = await app.request('/basemap/tiles/6/0/0.pbf');
    expect(sea.status).toBe(204);
    expect((await sea.arrayBuffer()).byteLength).toBe(0);
    expect((await app.request('/basemap/fonts/missing.woff2')).status).toBe(404);
    expect((await app.request('/assets/missing.js')).status).toBe(404);
    const spa = await app.request('/some/shared/link');
    expect(spa.status).toBe(200);
    expect(await spa.text()).toContain('<title>SPA</title>');
  });
});

