// Listing photos: resized and kept on the phone while offline, uploaded by hash when the connection
// returns, shown to neighbours; files that are too big or not photos are refused with a reason.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, openApp, chooseNeighbourhood, countLocal, expectAllSynced, publish, reloadOffline, signUp, writeDraft } from '../support/fixtures.js';
import { ROOT } from '../support/server.js';

const photoFile = (name: string) => ({ name, mimeType: 'image/png', buffer: readFileSync(join(ROOT, 'web/static/icons/icon-512.png')) });

test('photos that are too big or not photos are refused with a reason; one added offline is uploaded once online and shown on another device', async ({
  page,
  context,
  newDevice,
  server,
}) => {
  await openApp(page);
  await signUp(page);

  await test.step('a 20 MB file and a non-image named like a photo are refused with a clear message', async () => {
    await page.getByRole('link', { name: 'Sell', exact: true }).click();
    const input = page.getByTestId('add-photos').locator('input[type=file]');

    // A file on disk, as a phone's camera roll holds it: Chromium reads it from its path, where a
    // 20 MB in-memory buffer would have to cross the wire to the browser first.
    const dir = mkdtempSync(join(tmpdir(), 'dongne-photo-'));
    try {
      const holiday = join(dir, 'holiday.jpg');
      writeFileSync(holiday, Buffer.alloc(20 * 1024 * 1024, 1));
      await input.setInputFiles(holiday);
      await expect(page.getByRole('alert')).toContainText('“holiday.jpg” is 20.0 MB. Photos up to 15 MB can be added.');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    await input.setInputFiles({ name: 'notes.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('these are my shopping notes, not a photo') });
    await expect(page.getByRole('alert')).toContainText('“notes.jpg” is not a photo Dongne can read.');
    await expect(page.getByTestId('photo-tile')).toHaveCount(0);
    expect(await countLocal(page, 'photos')).toBe(0);

    // The server checks the bytes itself, whatever a client claims.
    const refused = await page.evaluate(async () => {
      const bytes = new TextEncoder().encode('not a photo at all');
      const hash = [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))].map((b) => b.toString(16).padStart(2, '0')).join('');
      const response = await fetch(`/api/media/${hash}`, { method: 'PUT', headers: { 'content-type': 'image/jpeg' }, body: bytes });
      return { status: response.status, body: await response.json() };
    });
    expect(refused).toEqual({ status: 415, body: { error: { code: 'media.not_image', message: 'That file is not a photo Dongne can use (JPEG, PNG or WebP).' } } });
  });

  // The editor the refused files were offered to is left blank: Sell opens it again below.
  await test.step('a photo added offline is uploaded once online and shown on another device', async () => {
    await chooseNeighbourhood(page, 'Sunae', 'Sunae 1-dong');
    await context.setOffline(true);

    await writeDraft(page, { title: 'Rattan chair with photo', price: '30000', category: 'furniture' });
    await page.getByTestId('add-photos').locator('input[type=file]').setInputFiles(photoFile('chair.png'));
    await expect(page.getByTestId('photo-tile')).toHaveCount(1);
    // Shown from this device's own copy: nothing has been uploaded yet.
    await expect(page.getByTestId('photo-tile').locator('img')).toHaveAttribute('src', /^blob:/);
    await expect(page.getByTestId('save-state')).toHaveText('Draft saved on this device');
    await reloadOffline(page);
    await expect(page.getByTestId('photo-tile')).toHaveCount(1);

    const mine = await publish(page);
    await expect(mine.getByTestId('waiting-to-sync')).toBeVisible();
    expect(await countLocal(page, 'photos')).toBe(2); // the photo and its thumbnail

    await context.setOffline(false);
    await expectAllSynced(page);
    const pulled = (await (await fetch(`${server.url}/api/sync/pull?cursor=0&limit=1000`)).json()) as {
      changes: { row?: { title: string; photos: { full: string; thumb: string }[] } }[];
    };
    const listing = pulled.changes.find((c) => c.row?.title === 'Rattan chair with photo')!.row!;
    expect(listing.photos).toHaveLength(1);
    const full = await fetch(`${server.url}/api/media/${listing.photos[0].full}`);
    expect(full.status).toBe(200);
    expect(full.headers.get('content-type')).toMatch(/^image\/(webp|jpeg)$/);

    const neighbour = await newDevice();
    await openApp(neighbour, server.url);
    const card = neighbour.getByTestId('listing-card').filter({ hasText: 'Rattan chair with photo' });
    await expect(card.locator('img')).toHaveAttribute('src', `/api/media/${listing.photos[0].thumb}`);
    await card.click();
    const shown = neighbour.getByTestId('gallery').locator('img');
    const fullUrl = `/api/media/${listing.photos[0].full}`;
    await expect(shown).toHaveAttribute('src', fullUrl);
    await expect.poll(() => shown.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(512);

    // Seen once, it stays viewable with no connection: the service worker kept it (it stores the
    // photo just after handing it over, so wait for that). No server either: it can come from nowhere else.
    await expect.poll(() => neighbour.evaluate(async (url) => (await caches.match(url)) !== undefined, fullUrl)).toBe(true);
    await neighbour.context().setOffline(true);
    await server.stop();
    await reloadOffline(neighbour);
    await expect.poll(() => shown.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(512);
  });
});
