import fs from 'node:fs';

/**
 * Finds a Chromium for the e2e tests: CHROMIUM_PATH, else Debian's /usr/bin/chromium, else a browser Playwright
 * installed itself. Returns null when there is none.
 */
export async function findChromium(): Promise<string | null> {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return fs.existsSync(fromEnv) ? fromEnv : null;
  if (fs.existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  try {
    const { chromium } = await import('playwright-core');
    const own = chromium.executablePath();
    if (own && fs.existsSync(own)) return own;
  } catch {
    // playwright-core not resolvable: no bundled browser
  }
  return null;
}

export const INSTALL_HINT = `No Chromium found for the end-to-end tests.
Install one, then run the tests again:
  Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y chromium      (installs /usr/bin/chromium)
  or point CHROMIUM_PATH at an existing Chromium/Chrome binary, e.g.  CHROMIUM_PATH=/opt/google/chrome/chrome npm test`;
