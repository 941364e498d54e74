import fs from 'node:fs';
import path from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

// The SPA is built into dist/ and served by the Hono server on the same port as the API.
// In `npm run dev` the Vite dev server proxies API prefixes to the API server.
const apiTarget = `http://127.0.0.1:${process.env.API_PORT ?? '8080'}`;
const apiPrefixes = ['/v1', '/v2', '/v3', '/api', '/openapi.json', '/health'];

// A basemap tile that was not written is open sea: the dev server answers 204 (an empty tile), as the app's server
// does, instead of its SPA fallback page.
const missingBasemapTilesAreEmpty: Plugin = {
  name: 'missing-basemap-tiles-are-empty',
  configureServer(server) {
    server.middlewares.use((req, res, next) => {
      const url = (req.url ?? '').split('?')[0];
      if (url.startsWith('/basemap/tiles/') && !fs.existsSync(path.join('public', decodeURIComponent(url)))) {
        res.statusCode = 204;
        res.end();
        return;
      }
      next();
    });
  },
};

export default defineConfig({
  plugins: [react(), tailwindcss(), missingBasemapTilesAreEmpty],
  build: {
    outDir: 'dist',
    sourcemap: true,
    // maplibre-gl in its own chunk: the app's own code stays small and cacheable separately.
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'maplibre', test: /node_modules[\\/]maplibre-gl/ }] } } },
    chunkSizeWarningLimit: 1200,
  },
  server: {
    proxy: Object.fromEntries(apiPrefixes.map((p) => [p, { target: apiTarget, changeOrigin: false }])),
  },
});
