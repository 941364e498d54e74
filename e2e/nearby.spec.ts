import { expect, test } from '@playwright/test';
import { appDriver } from './driver';

test('the start page lists real New York chargers from the API, nearest first, with attribution', async ({ page }) => {
  const app = appDriver(page);
  await app.open();
  await app.expectNearbyChargers(20);
  const first = app.nearbyList().locator('li[data-poi-id]').first();
  await expect(first).toContainText('New York');
  await expect(first).toContainText(/\d+\.\d{2} km/);
  await expect(page.getByText('Alternative Fuels Data Center')).toBeVisible();
});

test('the OCM API answers the README example with New York chargers', async ({ request }) => {
  const res = await request.get('/v3/poi?boundingbox=(40.80,-74.05),(40.70,-73.90)&maxresults=50');
  expect(res.status()).toBe(200);
  const body = (await res.json()) as Array<{ AddressInfo: { StateOrProvince: string }; Connections: unknown[] }>;
  expect(body).toHaveLength(50);
  expect(body.filter((p) => p.AddressInfo.StateOrProvince === 'NY').length).toBeGreaterThan(40);
});
