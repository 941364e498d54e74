import { appDriver, expect, test } from './driver';

type ApiLocation = { id: number; name: string; stations: Array<{ outlets: Array<{ connector_name: string }> }> };

test('the map draws New York chargers with a counter and data attribution', async ({ page }) => {
  const app = appDriver(page);
  await app.open('/?at=40.7549,-73.984,13');
  expect(await app.locationsInView()).toBeGreaterThan(20);
  await expect.poll(async () => (await app.renderedLocations()).length + (await app.renderedClusters())).toBeGreaterThan(5);
  await expect(page.locator('.maplibregl-ctrl-attrib')).toContainText('AFDC');
  await expect(page.locator('.maplibregl-ctrl-attrib')).toContainText('Natural Earth');
  // The first view's chargers were asked for before the map existed, for exactly the view the map then showed:
  // one request, which the map's own query took.
  expect(app.mapDataRequests()).toHaveLength(1);
});

test('a state view shows server clusters', async ({ page }) => {
  const app = appDriver(page);
  await app.open('/?at=42.9,-75.5,6');
  expect(await app.locationsInView()).toBeGreaterThan(4000);
  await expect.poll(() => app.renderedClusters()).toBeGreaterThan(0);
  expect(app.mapDataRequests().map((u) => new URL(u).pathname)).toEqual(['/api/clusters']);
});

test('clicking a location opens the panel with its connectors, and the URL carries it', async ({ page, request }) => {
  const app = appDriver(page);
  await app.open('/?at=40.7549,-73.984,15');
  const id = await app.openLocationNearCentre();
  const api = (await (await request.get(`/api/locations/${id}`)).json()) as ApiLocation;
  await expect(app.panel().getByRole('heading', { name: api.name })).toBeVisible();
  const connectors = api.stations.flatMap((s) => s.outlets.map((o) => o.connector_name));
  await expect(app.panel().getByTestId('connector')).toHaveCount(connectors.length);
  for (const name of new Set(connectors)) await expect(app.panel().getByTestId('connector').filter({ hasText: name }).first()).toBeVisible();
  await expect(app.panel().getByTestId('provenance')).toContainText(/Source: /);
  await expect(page).toHaveURL(new RegExp(`location=${id}`));
});

test('a deep link opens a location', async ({ page, request }) => {
  const [first] = (await (await request.get('/api/locations/nearby?latitude=40.758&longitude=-73.9855&count=1')).json()) as ApiLocation[];
  const app = appDriver(page);
  await app.open(`/?at=40.758,-73.9855,14&location=${first.id}`);
  await expect(app.panel().getByRole('heading', { name: first.name })).toBeVisible();
  await expect(app.panel().getByTestId('distance')).toContainText('km');
  await page.keyboard.press('Escape');
  await expect(app.panel()).toHaveCount(0);
  await expect(page).not.toHaveURL(/location=/);
});

test('the OCM API answers the README example with New York chargers', async ({ request }) => {
  const res = await request.get('/v3/poi?boundingbox=(40.80,-74.05),(40.70,-73.90)&maxresults=50');
  expect(res.status()).toBe(200);
  const body = (await res.json()) as Array<{ AddressInfo: { StateOrProvince: string } }>;
  expect(body).toHaveLength(50);
  expect(body.filter((p) => p.AddressInfo.StateOrProvince === 'NY').length).toBeGreaterThan(40);
});

test('a filter lowers the count and survives a reload through the URL', async ({ page }) => {
  const app = appDriver(page);
  await app.open('/?at=40.75,-73.98,12');
  const before = await app.locationsInView();
  await page.getByTestId('filters-button').click();
  const panel = page.getByTestId('filter-panel');
  await panel.getByLabel('CCS (Type 1)').check();
  await panel.getByLabel('Minimum').selectOption('50');
  await expect.poll(() => app.locationsInView()).toBeLessThan(before);
  const after = await app.locationsInView();
  expect(after).toBeGreaterThan(0);
  await expect(page).toHaveURL(/ct=32/);
  await expect(page).toHaveURL(/pmin=50/);
  await page.reload();
  await app.waitForMap();
  await expect.poll(() => app.locationsInView()).toBe(after);
  await page.getByTestId('filters-button').click();
  await expect(page.getByTestId('filter-panel').getByLabel('CCS (Type 1)')).toBeChecked();
  await expect(page.getByTestId('filters-button')).toHaveText('Filters (2)');
});

test('the list is keyboard-usable and selecting in it highlights the location on the map', async ({ page }) => {
  const app = appDriver(page);
  await app.open('/?at=40.7549,-73.984,14');
  await page.getByTestId('list-button').click();
  const first = app.list().locator('button[data-location-id]').first();
  await expect(first).toBeVisible();
  const id = Number(await first.getAttribute('data-location-id'));
  await first.focus();
  await page.keyboard.press('Enter');
  await expect(app.panel()).toBeVisible();
  await expect(first).toHaveAttribute('aria-current', 'true');
  await app.waitForMap();
  await expect.poll(() => app.highlightedOnMap()).toContain(id);
  await expect(page).toHaveURL(new RegExp(`location=${id}`));
});

test('the km / mi switch changes distances everywhere and is remembered', async ({ page }) => {
  const app = appDriver(page);
  await app.open('/?at=40.7549,-73.984,14');
  await page.getByTestId('list-button').click();
  await expect(app.list().getByTestId('list-distance').first()).toHaveText(/ km$/);
  await page.getByRole('button', { name: 'mi', exact: true }).click();
  await expect(app.list().getByTestId('list-distance').first()).toHaveText(/ mi$/);
  await app.list().locator('button[data-location-id]').first().click();
  await expect(app.panel().getByTestId('distance')).toContainText(' mi ');
  await page.reload();
  await app.waitForMap();
  await expect(app.panel().getByTestId('distance')).toContainText(' mi ');
});

test('search goes to a place, and to a charger by name', async ({ page }) => {
  const app = appDriver(page);
  await app.open('/?at=40.7549,-73.984,12');
  const input = page.getByTestId('search-input');
  await input.fill('Albany');
  await expect(page.getByRole('option').first()).toContainText('Albany');
  await input.press('Enter');
  await expect(page).toHaveURL(/at=42\.6\d*%2C-73\.[78]/);
  await input.fill('Albany Parking Authority');
  const charger = page.getByRole('option', { name: /Albany Parking Authority/ }).first();
  await expect(charger).toBeVisible();
  await charger.click();
  await expect(app.panel().getByRole('heading', { level: 2 })).toContainText('Albany Parking Authority');
});

test.describe('with the driver position shared', () => {
  test.use({ geolocation: { latitude: 42.6526, longitude: -73.7562 }, permissions: ['geolocation'] });
  test('"Near me" moves the map there and distances are measured from the driver', async ({ page }) => {
    const app = appDriver(page);
    await app.open('/?at=40.7549,-73.984,12');
    await page.getByRole('button', { name: 'Near me' }).click();
    await expect(page).toHaveURL(/at=42\.65\d*%2C-73\.75\d*%2C14/);
    await app.waitForMap();
    await app.openLocationNearCentre();
    await expect(app.panel().getByTestId('distance')).toContainText('of you');
  });
});

test('the attribution credits the data sources on screen', async ({ page }) => {
  const app = appDriver(page);
  await app.open('/?at=51.51,-0.13,13');
  expect(await app.locationsInView()).toBeGreaterThan(0);
  const credits = page.locator('.maplibregl-ctrl-attrib');
  await expect(credits).toContainText('Open Government Licence');
  await expect(credits).not.toContainText('Ladesäulenregister');
  await expect(credits).not.toContainText('AFDC');
  await expect(credits).toContainText('Natural Earth');
});
