import { expect, type Page } from '@playwright/test';

/** Domain verbs for the e2e specs, so tests read as what a driver does. */
export function appDriver(page: Page) {
  return {
    async open(path = '/') {
      await page.goto(path);
    },
    nearbyList: () => page.getByTestId('nearby-list'),
    async expectNearbyChargers(min: number) {
      await expect(page.getByTestId('nearby-list').locator('li[data-poi-id]').first()).toBeVisible();
      expect(await page.getByTestId('nearby-list').locator('li[data-poi-id]').count()).toBeGreaterThanOrEqual(min);
    },
  };
}
