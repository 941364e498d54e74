import { expect, test as base, type Page } from '@playwright/test';

export { expect };

/**
 * Playwright's test with one more check: an uncaught error in the page fails the test, even when what the test
 * looks at still happens to pass (a crashed React tree can leave a stale map on screen).
 */
export const test = base.extend({
  page: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.stack ?? e.message));
    await use(page);
    expect(errors, 'uncaught errors in the page').toEqual([]);
  },
});

type MapHandle = {
  queryRenderedFeatures(opts: { layers: string[] }): Array<{ geometry: { coordinates: [number, number] }; properties: Record<string, unknown> }>;
  project(lngLat: [number, number]): { x: number; y: number };
  getZoom(): number;
};

/** Domain verbs for the e2e specs, so tests read as what a driver does. Assertions go through the DOM, URL and map. */
export function appDriver(page: Page) {
  const map = page.getByTestId('charging-map');
  const mapDataRequests: string[] = [];
  page.on('request', (r) => {
    if (/\/api\/(points|clusters)\?/.test(r.url())) mapDataRequests.push(r.url());
  });
  const driver = {
    /** Requests for the map's chargers (points or clusters) made so far. */
    mapDataRequests: () => [...mapDataRequests],
    async open(path = '/') {
      await page.goto(path);
      await driver.waitForMap();
    },
    async waitForMap() {
      await expect(map).toHaveAttribute('data-map-ready', 'true', { timeout: 30_000 });
      await expect(map).toHaveAttribute('data-map-idle', 'true', { timeout: 30_000 });
    },
    counter: () => page.getByTestId('view-counter'),
    async locationsInView(): Promise<number> {
      await expect(driver.counter()).toHaveText(/\d[\d,]* (locations? in view|match)/);
      return Number(((await driver.counter().textContent()) ?? '').replace(/,/g, '').match(/\d+/)?.[0]);
    },
    /** Rendered single-location features (id, screen position). */
    async renderedLocations() {
      return page.evaluate(() => {
        const m = (window as unknown as { __chargingMap: MapHandle }).__chargingMap;
        return m.queryRenderedFeatures({ layers: ['charger-points'] }).map((f) => ({ id: Number(f.properties.id), ...m.project(f.geometry.coordinates) }));
      });
    },
    /** Live availability of the rendered locations, by id (0 = no fresh report). */
    async renderedAvailability(): Promise<Record<number, number>> {
      return page.evaluate(() =>
        Object.fromEntries(
          (window as unknown as { __chargingMap: MapHandle }).__chargingMap
            .queryRenderedFeatures({ layers: ['charger-points'] })
            .map((f) => [Number(f.properties.id), Number(f.properties.availability ?? 0)]),
        ),
      );
    },
    async renderedClusters() {
      return page.evaluate(() => (window as unknown as { __chargingMap: MapHandle }).__chargingMap.queryRenderedFeatures({ layers: ['charger-clusters'] }).length);
    },
    /** Clicks the location drawn nearest the map's centre (clear of the overlays) and returns its id. */
    async openLocationNearCentre(): Promise<number> {
      await expect.poll(async () => (await driver.renderedLocations()).length, { timeout: 20_000 }).toBeGreaterThan(0);
      const box = await map.boundingBox();
      if (!box) throw new Error('map has no box');
      const [first] = (await driver.renderedLocations()).sort(
        (a, b) => Math.hypot(a.x - box.width / 2, a.y - box.height / 2) - Math.hypot(b.x - box.width / 2, b.y - box.height / 2),
      );
      await page.mouse.click(box.x + first.x, box.y + first.y);
      await expect(page.getByTestId('location-panel')).toBeVisible();
      return first.id;
    },
    panel: () => page.getByTestId('location-panel'),
    list: () => page.getByTestId('location-list'),
    /** Ids of the locations the map draws as selected. */
    async highlightedOnMap(): Promise<number[]> {
      return page.evaluate(() =>
        (window as unknown as { __chargingMap: MapHandle }).__chargingMap.queryRenderedFeatures({ layers: ['charger-selected'] }).map((f) => Number(f.properties.id)),
      );
    },
  };
  return driver;
}

/** Signs up through the vehicle panel (variants are Registered data) and chooses a vehicle variant as my vehicle. */
export async function chooseVehicle(page: Page, search: string, vehicleName: string, variantName: string) {
  await page.getByTestId('vehicle-button').click();
  const panel = page.getByTestId('vehicle-panel');
  await panel.getByLabel('Search vehicles').fill(search);
  await panel.getByRole('button', { name: new RegExp(vehicleName) }).click();
  await panel.getByRole('button', { name: 'Sign in to choose one' }).click();
  const dialog = page.getByTestId('auth-dialog');
  await dialog.getByRole('button', { name: 'Create an account' }).click();
  await dialog.getByLabel('Name shown with your check-ins').fill('Trip Driver');
  await dialog.getByLabel('Email').fill(`driver-${Date.now()}-${Math.random().toString(36).slice(2)}@example.org`);
  await dialog.getByLabel('Password').fill('e2e password 123');
  await dialog.getByRole('button', { name: 'Create account' }).click();
  await expect(dialog).toHaveCount(0);
  await panel.getByRole('list', { name: `${vehicleName} variants` }).getByRole('listitem').filter({ hasText: variantName }).first().getByRole('button', { name: 'Choose' }).click();
  await expect(panel.getByTestId('my-vehicle')).toContainText(vehicleName);
  return panel;
}
