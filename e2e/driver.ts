import { expect, type Page } from '@playwright/test';

type MapHandle = {
  queryRenderedFeatures(opts: { layers: string[] }): Array<{ geometry: { coordinates: [number, number] }; properties: Record<string, unknown> }>;
  project(lngLat: [number, number]): { x: number; y: number };
  getZoom(): number;
};

/** Domain verbs for the e2e specs, so tests read as what a driver does. Assertions go through the DOM, URL and map. */
export function appDriver(page: Page) {
  const map = page.getByTestId('charging-map');
  const driver = {
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
