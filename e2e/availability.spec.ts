import { execFileSync } from 'node:child_process';
import { E2E_FEED_TOKEN } from '../playwright.config';
import { appDriver, chooseVehicle, expect, test } from './driver';

// Midtown Manhattan: a few dozen locations with real AFDC stations.
const VIEW = '/?at=40.7549,-73.9840,15';
const AREA = '40.735,-74.005,40.775,-73.963';

/** Runs the feed simulator (npm run simulate:feed) against the e2e server, as a host would for a demo. */
function simulateFeed(baseURL: string, seed: number, historyDays: number) {
  return execFileSync('npx', ['tsx', 'src/server/cli/simulate-feed.ts', '--url', baseURL, '--bbox', AREA, '--history-days', String(historyDays), '--ticks', '1', '--seed', String(seed), '--token', E2E_FEED_TOKEN], {
    encoding: 'utf8',
    timeout: 120_000,
  });
}

test('a simulated feed changes the map, filters to available now, and the panel charts when it is usually busy', async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  const driver = appDriver(page);
  const out = simulateFeed(baseURL as string, 1, 2);
  expect(out).toMatch(/Simulating \d+ EVSEs/);

  await driver.open(VIEW);
  // Live badges appear: every drawn location reports, most of them fresh.
  await expect.poll(async () => Object.values(await driver.renderedAvailability()).filter((a) => a > 0).length, { timeout: 20_000 }).toBeGreaterThan(5);
  const before = await driver.renderedAvailability();
  await expect(page.getByTestId('live-counter')).toHaveText(/\d+ of \d+ reporting free now/);
  await expect(page.locator('.maplibregl-ctrl-attrib')).toContainText('simulated');

  // A new tick of the feed (another seed: other chargers busy); the open map follows it without a reload.
  simulateFeed(baseURL as string, 2, 0);
  await expect
    .poll(
      async () => {
        const now = await driver.renderedAvailability();
        return Object.keys(before).filter((id) => now[Number(id)] !== undefined && now[Number(id)] !== before[Number(id)]).length;
      },
      { timeout: 45_000, intervals: [2000] },
    )
    .toBeGreaterThan(0);
  const current = await driver.renderedAvailability();
  const api = (await (await page.request.get(`/v3/poi?chargepointid=${Object.keys(current).join(',')}&compact=true&verbose=false&maxresults=500`)).json()) as Array<{ ID: number; Availability?: { StatusID: number } }>;
  for (const p of api) expect(current[p.ID], `location ${p.ID}`).toBe(p.Availability?.StatusID ?? 0);

  // Available now: fewer locations, every drawn one free, and the choice is in the URL.
  const all = await driver.locationsInView();
  await page.getByTestId('filters-button').click();
  await page.getByTestId('available-now').check();
  await expect.poll(() => driver.locationsInView()).toBeLessThan(all);
  await expect(page).toHaveURL(/avail=1/);
  await expect.poll(async () => Object.values(await driver.renderedAvailability()).every((a) => a === 1)).toBe(true);
  await page.getByRole('button', { name: /close/i }).first().click();

  // One of them: live status (labelled simulated) and the usual busy times from the history.
  const free = Number(Object.entries(await driver.renderedAvailability()).find(([, a]) => a === 1)?.[0]);
  await driver.open(`${VIEW}&avail=1&location=${free}`);
  const panel = driver.panel();
  await expect(panel.getByTestId('live-status')).toHaveAttribute('data-status', '1');
  await expect(panel.getByTestId('live-status')).toContainText('Simulated');
  await expect(panel.getByTestId('station-availability').first()).toBeVisible();
  await expect(panel.getByTestId('busy-summary')).toContainText(/Usually busy|Rarely busy/);
  await expect(panel.getByTestId('occupancy-canvas')).toHaveAttribute('data-drawn', /^[1-9]\d*$/);
  await panel.getByRole('button', { name: 'Sat' }).click();
  await expect(panel.getByTestId('occupancy-canvas')).toHaveAttribute('aria-label', /^Sat: /);
});

test('a linked car’s state of charge feeds my vehicle, its range and the trip planner', async ({ page }) => {
  // The car's owner registers it and its telematics post a status log, through the API as an integration would.
  const owner = (await (await page.request.post('/v1/auth/register', { data: { email: `owner-${Date.now()}@example.org`, password: 'correct horse battery', name: 'Owner' } })).json()) as { token: string };
  const headers = { Authorization: `Bearer ${owner.token}` };
  const car = (await (await page.request.post('/v2/vehicles', { headers, data: { name: 'My Leaf' } })).json()) as { id: string };
  const posted = await page.request.post(`/v2/vehicles/${car.id}/status_logs`, { headers, data: [{ sampled_at: new Date(Date.now() - 60_000).toISOString(), state_of_charge_percentage: 37, is_charging: false, is_plugged_in: false }] });
  expect(posted.ok()).toBe(true);
  const { key } = (await (await page.request.post('/v1/user/apikeys', { headers, data: { label: 'map' } })).json()) as { key: string };

  const driver = appDriver(page);
  await driver.open('/?at=40.7549,-73.9840,12');
  const panel = await chooseVehicle(page, 'leaf', 'Nissan Leaf', 'e+ 62 kWh');
  const rangeBefore = await panel.getByTestId('range-left').textContent();
  await panel.getByRole('button', { name: /Link my car/ }).click();
  await panel.getByLabel(/Vehicle id/).fill(car.id);
  await panel.getByLabel(/Token or API key/).fill(key);
  await panel.getByRole('button', { name: 'Link', exact: true }).click();
  await expect(panel.getByTestId('telematics-soc')).toContainText('State of charge from the car');
  await expect(panel.getByLabel('State of charge')).toHaveValue('37');
  await expect(panel.getByTestId('range-left')).not.toHaveText(rangeBefore ?? '');

  await page.getByTestId('route-button').click();
  const route = page.getByTestId('route-panel');
  await route.getByTestId('use-car-soc').click();
  await expect(route.getByLabel('Start state of charge')).toHaveValue('37');
});
