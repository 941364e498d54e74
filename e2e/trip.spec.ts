import { appDriver, chooseVehicle, expect, test } from './driver';

type MapHandle = { project(lngLat: [number, number]): { x: number; y: number }; queryRenderedFeatures(o: { layers: string[] }): unknown[] };

test('a driver plans Buffalo → New York in a Leaf e+: chargers in route order, stops above the minimum, an extra stop at 30 %, and a link that reproduces the plan', async ({ page, browser }) => {
  const app = appDriver(page);
  await app.open('/?at=42.5,-76,7');
  await chooseVehicle(page, 'leaf', 'Nissan Leaf', 'e+ 62 kWh');

  await page.getByTestId('route-button').click();
  const panel = page.getByTestId('route-panel');
  await panel.getByLabel('From').fill('Buffalo');
  await panel.getByRole('option').filter({ hasText: 'Buffalo' }).first().getByRole('button').click();
  await panel.getByLabel('To').fill('New York');
  await panel.getByRole('option').filter({ hasText: /^New York/ }).first().getByRole('button').click();
  await expect(panel.getByTestId('route-summary')).toContainText('2 waypoints');
  // No routing service in the test set-up: straight lines, and the panel says so.
  await expect(panel.getByTestId('route-notice')).toContainText('straight lines');

  // Via Syracuse and Albany (the Thruway, not the straight line through Pennsylvania): waypoints clicked on the map
  // go where they lengthen the route least; clicking one removes it.
  await app.waitForMap();
  const map = page.getByTestId('charging-map');
  const box = (await map.boundingBox())!;
  const at = (lng: number, lat: number) => page.evaluate(([x, y]) => (window as unknown as { __chargingMap: MapHandle }).__chargingMap.project([x, y]), [lng, lat] as [number, number]);
  const drawnWaypoints = () => page.evaluate(() => (window as unknown as { __chargingMap: MapHandle }).__chargingMap.queryRenderedFeatures({ layers: ['route-waypoints'] }).length);
  const syracuse = await at(-76.15, 43.05);
  await page.mouse.click(box.x + syracuse.x, box.y + syracuse.y);
  await expect(panel.getByTestId('route-summary')).toContainText('3 waypoints');
  await expect.poll(drawnWaypoints).toBe(3);
  await page.mouse.click(box.x + syracuse.x, box.y + syracuse.y);
  await expect(panel.getByTestId('route-summary')).toContainText('2 waypoints');
  await expect.poll(drawnWaypoints).toBe(2);
  await page.mouse.click(box.x + syracuse.x, box.y + syracuse.y);
  await expect(panel.getByTestId('route-summary')).toContainText('3 waypoints');
  const albany = await at(-73.8, 42.7);
  await page.mouse.click(box.x + albany.x, box.y + albany.y);
  await expect(panel.getByTestId('route-summary')).toContainText('4 waypoints');
  await expect(page).toHaveURL(/rw=/);

  // The strip lists chargers in order of distance along the route.
  const rows = panel.getByTestId('strip-row');
  await expect(rows.first()).toBeVisible({ timeout: 20_000 });
  const along = (await rows.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-along'))))) as number[];
  expect(along.length).toBeGreaterThan(10);
  for (let i = 1; i < along.length; i++) expect(along[i]).toBeGreaterThanOrEqual(along[i - 1]);

  // With a trip on screen the map shows only the chargers along it, until the driver asks for all of them.
  const generalDrawn = () =>
    page.evaluate(() => (window as unknown as { __chargingMap: MapHandle }).__chargingMap.queryRenderedFeatures({ layers: ['charger-points', 'charger-clusters'] }).length);
  await expect(page.getByTestId('view-counter')).toContainText('Chargers along the trip only');
  await expect.poll(generalDrawn).toBe(0);
  await page.getByTestId('view-counter').getByRole('button', { name: 'show all' }).click();
  await expect.poll(generalDrawn, { timeout: 20_000 }).toBeGreaterThan(0);
  await panel.getByLabel('Also show every other charger on the map').uncheck();
  await expect.poll(generalDrawn).toBe(0);

  // Start at 90 %; every stop is reached above the minimum.
  await panel.getByLabel('Start state of charge').fill('90');
  const plan = panel.getByTestId('plan');
  await expect(plan).toBeVisible();
  const stopsAt = async () => (await plan.getByTestId('plan-stop').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-arrival'))))) as number[];
  const at15 = await stopsAt();
  expect(at15.length).toBeGreaterThan(0);
  expect(Math.min(...at15)).toBeGreaterThanOrEqual(15);
  await expect(plan.getByTestId('plan-totals')).toContainText(/arrive with (1[5-9]|[2-9]\d)/);

  // A higher minimum arrival needs another stop.
  await panel.getByLabel('Minimum arrival state of charge').fill('30');
  await expect.poll(async () => (await stopsAt()).length).toBeGreaterThan(at15.length);
  const at30 = await stopsAt();
  expect(Math.min(...at30)).toBeGreaterThanOrEqual(30);
  const names = await plan.getByTestId('plan-stop').locator('.font-medium').allTextContents();

  // The link carries route, settings and vehicle: a friend without an account sees the same plan.
  await expect(page).toHaveURL(/rw=.*min=30.*car=/);
  const friend = await browser.newContext();
  const friendPage = await friend.newPage();
  await friendPage.goto(page.url());
  const friendPlan = friendPage.getByTestId('route-panel').getByTestId('plan');
  await expect(friendPlan).toBeVisible({ timeout: 30_000 });
  await expect(friendPlan).toContainText('Nissan Leaf');
  await expect.poll(async () => friendPlan.getByTestId('plan-stop').locator('.font-medium').allTextContents()).toEqual(names);
  // The friend's map was brought to the whole route (the sender had added waypoints beyond their view). A link whose
  // view already shows the route (here: the friend's, zoomed out a little) keeps that view: the map does not jump.
  await expect.poll(() => friendPage.url()).not.toBe(page.url());
  const fitted = new URL(friendPage.url());
  const [lat, lng, zoom] = (fitted.searchParams.get('at') ?? '').split(',').map(Number);
  const wider = `${lat},${lng},${(zoom - 0.5).toFixed(2)}`;
  fitted.searchParams.set('at', wider);
  const passedOn = await friend.newPage();
  await passedOn.goto(fitted.toString());
  await expect(passedOn.getByTestId('route-panel').getByTestId('plan')).toBeVisible({ timeout: 30_000 });
  await passedOn.waitForTimeout(500);
  expect(Number(new URL(passedOn.url()).searchParams.get('at')?.split(',')[2])).toBeCloseTo(zoom - 0.5, 1);
  await friend.close();

  // A GPX track imported from a file replaces the waypoints.
  await panel.getByRole('button', { name: 'Clear route' }).click();
  await panel.getByText('Paste a polyline or import GPX / GeoJSON').click();
  const trkpts = Array.from({ length: 50 }, (_, i) => `<trkpt lat="${(42.65 - i * 0.02).toFixed(4)}" lon="${(-73.75 - i * 0.001).toFixed(4)}"/>`).join('');
  await panel.getByLabel('Import GPX or GeoJSON file').setInputFiles({
    name: 'albany-south.gpx',
    mimeType: 'application/gpx+xml',
    buffer: Buffer.from(`<?xml version="1.0"?><gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg>${trkpts}</trkseg></trk></gpx>`),
  });
  await expect(panel.getByTestId('route-summary')).toContainText(/Imported route · 1\d\d(\.\d)? km/);
  await expect(page).toHaveURL(/rl=/);
  await expect(panel.getByTestId('strip-row').first()).toBeVisible();
});
