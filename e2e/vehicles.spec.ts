import type { Page } from '@playwright/test';
import { appDriver, chooseVehicle, expect, test } from './driver';

type MapHandle = { getSource(id: string): { serialize(): { data: { features: Array<{ properties: { km: number } }> } } } | undefined };

const ringKm = (page: Page) =>
  page.evaluate(() => (window as unknown as { __chargingMap: MapHandle }).__chargingMap.getSource('overlay')?.serialize().data.features[0]?.properties.km ?? null);

/** "$12.34" → 12.34 */
const amount = (text: string | null) => Number(/[$£€]([\d,]+\.\d+)/.exec(text ?? '')?.[1].replace(/,/g, '') ?? NaN);

test('a driver picks a Nissan Leaf e+, sees only usable chargers and a range ring, compares networks by session cost and sees the price at a charger', async ({ page }) => {
  const app = appDriver(page);
  await app.open('/?at=40.75,-73.98,12');
  const before = await app.locationsInView();

  // Variants are Registered data (Leccy's rule): the panel asks to sign in, and a new account gets them.
  const panel = await chooseVehicle(page, 'leaf', 'Nissan Leaf', 'e+ 62 kWh');
  const mine = panel.getByTestId('my-vehicle');
  await expect(mine).toContainText('Nissan Leaf');
  await expect(mine).toContainText('62 kWh');
  await expect(page.getByTestId('vehicle-button')).toHaveText('Nissan Leaf · 80 %');

  // Range left follows the state of charge and the reserve: 80 % − 10 % of ~360 km.
  const rangeAt = async () => Number(((await mine.getByTestId('range-left').textContent()) ?? '').match(/([\d.]+) km/)?.[1]);
  const r80 = await rangeAt();
  expect(r80).toBeGreaterThan(230);
  expect(r80).toBeLessThan(270);
  await mine.getByLabel('State of charge').fill('40');
  await expect.poll(rangeAt).toBeLessThan(r80 / 2 + 5);

  // Only chargers the car can use (J1772 and CHAdeMO in the US for this car).
  await mine.getByLabel('Only chargers my vehicle can use').check();
  await expect(page).toHaveURL(/ports=type2%2Cchademo|ports=chademo%2Ctype2/);
  await expect.poll(() => app.locationsInView()).toBeLessThan(before);

  await mine.getByLabel('Show reachable range on the map').check();
  await expect.poll(() => ringKm(page)).toBeGreaterThan(80);
  const km40 = (await ringKm(page)) as number;
  await mine.getByLabel('State of charge').fill('90');
  await expect.poll(() => ringKm(page)).toBeGreaterThan(km40 * 2);

  // Networks side by side, cheapest first for a 10 → 80 % session of this car.
  await page.getByTestId('networks-button').click();
  const networks = page.getByTestId('networks-panel');
  await expect(networks.getByTestId('rate-row').first()).toBeVisible();
  const totals = await networks.getByTestId('session-cost').locator('summary').allTextContents();
  const values = totals.slice(0, 30).map(amount).filter((v) => Number.isFinite(v));
  expect(values.length).toBeGreaterThan(5);
  for (let i = 1; i < values.length; i++) expect(values[i]).toBeGreaterThanOrEqual(values[i - 1]);
  // The breakdown explains the total.
  const firstPaid = networks.getByTestId('session-cost').filter({ hasNotText: '$0.00' }).first();
  await firstPaid.locator('summary').click();
  await expect(firstPaid.locator('li').first()).toHaveText(/^(Session fee|Energy|Time|Parking|Subscription share): \$[\d.]+/);
  await expect(firstPaid).toContainText('Charging at about');

  // A charger whose price text reads exactly: the panel shows the text, what it was read as and this car's cost.
  const rated = await page.evaluate(async () => {
    const session = JSON.parse(localStorage.getItem('evmap-session') ?? '{}') as { state?: { session?: { token: string } } };
    const res = await fetch('/v1/networks?name=chargepoint', { headers: { Authorization: `Bearer ${session.state?.session?.token}` } });
    const list = (await res.json()) as Array<{ services: Array<{ rates: Array<{ costs: { kwh: number }; locations?: Array<{ locationId: number | null }> }> }> }>;
    for (const n of list) for (const s of n.services) for (const r of s.rates) if (r.costs.kwh > 0 && r.locations?.[0]?.locationId) return r.locations[0].locationId;
    return null;
  });
  expect(rated).not.toBeNull();
  await page.getByTestId('networks-panel').getByRole('button', { name: 'Close networks' }).click();
  await app.open(`/?location=${rated}`);
  const price = app.panel().getByTestId('location-price');
  await expect(price.getByTestId('price-read')).toContainText('/kWh');
  await expect(price.getByTestId('session-cost')).toContainText('10 → 80 % for Nissan Leaf');
  expect(amount(await price.getByTestId('session-cost').locator('summary').textContent())).toBeGreaterThan(0);
});
