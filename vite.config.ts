import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

// The SPA is built into dist/ and served by the Hono server on the same port as the API.
// In `npm run dev` the Vite dev server proxies API prefixes to the API server.
const apiTarget = `http://127.0.0.1:${process.env.API_PORT ?? '8080'}`;
const apiPrefixes = ['/v1', '/v2', '/v3', '/api', '/openapi.json', '/health'];

export default defineConfig({
  plugins: [react(), tailwindcss()],
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
