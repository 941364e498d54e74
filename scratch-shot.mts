import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'] });
for (const [name, w, h, url] of [['laptop', 1280, 800, '/?at=40.73,-73.99,11.5'], ['phone', 360, 740, '/?at=40.7549,-73.984,14&location=100000250'], ['state', 1280, 800, '/?at=42.9,-75.5,6.5']] as const) {
  const page = await browser.newPage({ viewport: { width: w, height: h } });
  await page.goto(`http://127.0.0.1:8500${url}`);
  await page.waitForSelector('[data-map-idle="true"]', { state: 'attached', timeout: 30000 });
  await page.waitForTimeout(1500);
  if (name === 'laptop') { await page.getByTestId('list-button').click(); await page.waitForTimeout(800); }
  await page.screenshot({ path: `/tmp/shot-${name}.png` });
}
await browser.close();
