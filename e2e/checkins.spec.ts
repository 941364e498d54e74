import sharp from 'sharp';
import { appDriver, expect, test } from './driver';

type ApiLocation = { id: number; name: string; score: number | null };

const scoreOf = async (panel: ReturnType<ReturnType<typeof appDriver>['panel']>) => {
  const text = (await panel.getByTestId('score').textContent()) ?? '';
  const m = /Score ([\d.]+)\/10/.exec(text);
  return m ? Number(m[1]) : null;
};

test('a driver signs up, reports a failed charge with a photo, sees it at once with the text literal, and must sign in again after signing out', async ({ page, request }) => {
  // The e2e database keeps earlier runs' check-ins: take a nearby location whose score can still visibly drop.
  const nearby = (await (await request.get('/api/locations/nearby?latitude=40.7484&longitude=-73.9857&count=40')).json()) as ApiLocation[];
  const loc = nearby.find((l) => l.score === null || l.score >= 1.5) ?? nearby[0];
  const app = appDriver(page);
  await app.open(`/?at=40.7484,-73.9857,15&location=${loc.id}`);
  const panel = app.panel();
  await expect(panel.getByRole('heading', { name: loc.name })).toBeVisible();
  const before = await scoreOf(panel);

  // Not signed in: the panel offers sign-in instead of the form.
  await expect(panel.getByTestId('checkin-signin')).toBeVisible();
  await panel.getByTestId('checkin-signin').getByRole('button', { name: 'create an account' }).click();
  const dialog = page.getByTestId('auth-dialog');
  await dialog.getByLabel('Name shown with your check-ins').fill('E2E Driver');
  await dialog.getByLabel('Email').fill(`e2e-${Date.now()}@example.org`);
  await dialog.getByLabel('Password').fill('e2e password 123');
  await dialog.getByRole('button', { name: 'Create account' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('account-button')).toHaveText('E2E Driver');

  const form = panel.getByTestId('checkin-form');
  await form.getByTestId('checkin-status').selectOption({ label: 'Failed to Charge (Equipment Problem)' });
  await form.getByTestId('checkin-comment-type').selectOption({ label: 'Fault Report (Notice To Users And Operator)' });
  const comment = '<script>alert(1)</script> screen is dead';
  await form.getByTestId('checkin-comment').fill(comment);
  await form.getByLabel('kW reached').fill('0');
  await form.getByLabel('Vehicle').fill('Kia EV6');
  const photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 30, g: 90, b: 160 } } }).jpeg().toBuffer();
  await form.getByTestId('checkin-photo').setInputFiles({ name: 'broken-screen.jpg', mimeType: 'image/jpeg', buffer: photo });
  await expect(form.getByTestId('photo-preview')).toHaveCount(1);
  let dialogs = 0;
  page.on('dialog', () => dialogs++);
  await form.getByTestId('checkin-submit').click();

  // Listed at once, then confirmed by the server: the markup is shown as text, the thumbnail loads.
  const first = panel.getByTestId('checkin').first();
  await expect(first.getByTestId('checkin-comment-text')).toHaveText(comment);
  await expect(first).toContainText('Failed to Charge (Equipment Problem)');
  await expect(first).not.toContainText('saving…');
  const thumb = first.getByTestId('checkin-photo-thumb');
  await expect(thumb).toHaveAttribute('src', /\/api\/photos\/\d+\/thumbnail$/);
  await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  await expect.poll(() => scoreOf(panel)).not.toBeNull();
  const after = (await scoreOf(panel)) as number;
  // A failure lowers the score; a first failure alone gives 3.3 (a prior of one success and one failure).
  if (before !== null) expect(after).toBeLessThan(before);
  else expect(after).toBe(3.3);
  expect(dialogs).toBe(0);
  await expect(panel.locator('script')).toHaveCount(0);

  // A check-in the server refuses (a GIF named .jpg: the type is read from the bytes) is shown, then rolled back.
  const listed = await panel.getByTestId('checkin').count();
  const gif = await sharp({ create: { width: 8, height: 8, channels: 3, background: 'red' } }).gif().toBuffer();
  await form.getByTestId('checkin-comment').fill('this one must not stay');
  await form.getByTestId('checkin-photo').setInputFiles({ name: 'not-really.jpg', mimeType: 'image/jpeg', buffer: gif });
  await form.getByTestId('checkin-submit').click();
  await expect(form.getByRole('alert')).toContainText('Check-in not saved');
  await expect(form.getByRole('alert')).toContainText('JPEG, PNG or WebP');
  await expect(panel.getByTestId('checkin')).toHaveCount(listed);
  await expect(panel.getByTestId('checkins').getByText('this one must not stay')).toHaveCount(0);
  // the driver's text stays in the form to try again
  await expect(form.getByTestId('checkin-comment')).toHaveValue('this one must not stay');

  // Problems-only keeps it; a reload still shows it.
  await panel.getByTestId('problems-only').check();
  await expect(panel.getByTestId('checkin').first().getByTestId('checkin-comment-text')).toHaveText(comment);
  await page.reload();
  await app.waitForMap();
  await expect(app.panel().getByTestId('checkin-comment-text').first()).toHaveText(comment);

  // Signing out: the form asks to sign in again.
  await page.getByTestId('account-button').click();
  await expect(page.getByTestId('account-panel')).toContainText('API requests this month');
  await page.getByTestId('sign-out').click();
  await expect(page.getByTestId('sign-in-button')).toBeVisible();
  await expect(app.panel().getByTestId('checkin-signin')).toBeVisible();
  await expect(app.panel().getByTestId('checkin-form')).toHaveCount(0);
});
