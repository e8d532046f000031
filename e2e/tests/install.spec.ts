import { test, expect, openApp } from '../support/fixtures.js';

function pngSize(bytes: Buffer) {
  expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test('installable: the web manifest, a service worker with a fetch handler controlling the page, and an Install button when the browser offers installation, but not once installed', async ({ page, request, newDevice }) => {
  await openApp(page);

  await test.step('the web manifest makes the app installable', async () => {
    const href = await page.locator('link[rel=manifest]').getAttribute('href');
    const manifest = await (await request.get(href!)).json();
    expect(manifest).toMatchObject({
      name: expect.stringContaining('Dongne'),
      short_name: 'Dongne',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      theme_color: expect.stringMatching(/^#/),
      background_color: expect.stringMatching(/^#/),
    });
    expect(manifest.description.length).toBeGreaterThan(20);
    const icons = manifest.icons as { src: string; sizes: string; purpose: string }[];
    for (const [size, purpose] of [['192x192', 'any'], ['512x512', 'any'], ['512x512', 'maskable']]) {
      const icon = icons.find((i) => i.sizes === size && i.purpose === purpose);
      expect(icon, `${size} ${purpose} icon`).toBeTruthy();
      const response = await request.get(icon!.src);
      expect(response.headers()['content-type']).toBe('image/png');
      const { width, height } = pngSize(await response.body());
      expect(`${width}x${height}`).toBe(size);
    }
  });

  await test.step('a service worker with a fetch handler controls the page', async () => {
    // The worker claims the page while it activates; its state turns "activated" a moment later.
    await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active?.state === 'activated');
    const state = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      return { scope: registration.scope, active: registration.active?.state };
    });
    expect(state.active).toBe('activated');
    expect(new URL(state.scope).pathname).toBe('/');
  });

  await test.step('an Install button appears when the browser offers installation, and prompts', async () => {
    await expect(page.getByTestId('install-button')).toHaveCount(0);
    await page.evaluate(() => {
      const event = new Event('beforeinstallprompt', { cancelable: true }) as Event & Record<string, unknown>;
      event.prompt = () => {
        (window as unknown as Record<string, unknown>).__prompted = true;
        return Promise.resolve();
      };
      event.userChoice = Promise.resolve({ outcome: 'accepted' });
      window.dispatchEvent(event);
    });
    await page.getByTestId('install-button').click();
    await expect.poll(() => page.evaluate(() => (window as unknown as Record<string, unknown>).__prompted)).toBe(true);
    await expect(page.getByTestId('install-button')).toHaveCount(0);
  });

  await test.step('no Install button when already running as an installed app', async () => {
    const installed = await newDevice();
    await installed.addInitScript(() => {
      const real = window.matchMedia.bind(window);
      window.matchMedia = (query: string) =>
        query.includes('display-mode: standalone') ? ({ ...real(query), matches: true, media: query, addEventListener() {}, removeEventListener() {} } as MediaQueryList) : real(query);
    });
    await openApp(installed);
    const taken = await installed.evaluate(async () => {
      const event = new Event('beforeinstallprompt', { cancelable: true }) as Event & Record<string, unknown>;
      event.prompt = () => Promise.resolve();
      event.userChoice = Promise.resolve({ outcome: 'accepted' });
      window.dispatchEvent(event);
      // The screen as it is once the app has handled the offer: the next frame is drawn after it.
      await new Promise(requestAnimationFrame);
      return event.defaultPrevented;
    });
    // The app took the offer (keeping the browser's own banner away) and still shows no button.
    expect(taken).toBe(true);
    await expect(installed.getByTestId('install-button')).toHaveCount(0);
  });
});
