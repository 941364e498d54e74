import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 8181);
/** The telemetry feed's token for the e2e server; the availability spec runs the feed simulator with it. */
export const E2E_FEED_TOKEN = 'e2e-feed-token-not-a-secret-0123456789';

// The e2e tests run the real server (npm start's code path) on its own database built from the bundled data.
export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: process.env.E2E_CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--use-angle=swiftshader',
        '--enable-unsafe-swiftshader',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command: 'npx tsx src/server/cli/start.ts',
    url: `http://127.0.0.1:${port}/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    // One browser makes every request from one address; the public rate limit is raised so the suite is not throttled.
    env: { PORT: String(port), HOST: '127.0.0.1', DATABASE_PATH: 'var/e2e.sqlite', RATE_LIMIT_PUBLIC: '6000', FEED_TOKEN: E2E_FEED_TOKEN },
  },
});
