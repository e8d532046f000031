import {
  test,
  expect,
  openApp,
  chooseNeighbourhood,
  signUp,
  countLocal,
  expectAllSynced,
  publish,
  serverListings,
  writeDraft,
  SERVER_BACK_BOUND_MS,
} from '../support/fixtures.js';
import { at } from '../support/places.js';

test('a push whose response is lost is retried without doubling; the server killed mid-session and restarted on the same file loses nothing and doubles nothing', async ({
  page,
  context,
  server,
}) => {
  await test.step('a push whose response is lost after the server applied it is retried without doubling', async () => {
    await openApp(page);
    await signUp(page);
    await chooseNeighbourhood(page, 'Sunae', 'Sunae 1-dong');
    let lost = 0;
    // Routed on the context so requests are caught even though a service worker controls the page.
    await context.route('**/api/sync/push', async (route) => {
      if (lost === 0) {
        lost++;
        await route.fetch(); // the server applies the batch…
        return route.abort('connectionreset'); // …and the answer never arrives.
      }
      return route.continue();
    });
    await writeDraft(page, { title: 'Rice cooker (lost reply)', price: '30000', category: 'household' });
    await publish(page);
    await expectAllSynced(page);
    expect(lost).toBe(1);
    expect((await serverListings(server)).filter((l) => l.title === 'Rice cooker (lost reply)')).toHaveLength(1);
    expect(await countLocal(page, 'outbox')).toBe(0);
    await context.unroute('**/api/sync/push');
  });

  await test.step('the server is killed mid-session and restarted on the same file: nothing lost, nothing doubled', async () => {
    await writeDraft(page, { title: 'Before the crash', price: '1000', category: 'books' });
    await publish(page, 2);
    await expectAllSynced(page);

    await server.kill();
    await writeDraft(page, { title: 'During the outage', price: '2000', category: 'books' });
    await publish(page, 3);
    await expect(page.getByTestId('my-listings').getByTestId('waiting-to-sync')).toHaveCount(1);

    await server.start();
    // The app retries with backoff and finds the server back.
    await expectAllSynced(page, { timeout: SERVER_BACK_BOUND_MS });
    const titles = (await serverListings(server)).map((l) => l.title);
    expect(titles.filter((t) => t === 'Before the crash')).toHaveLength(1);
    expect(titles.filter((t) => t === 'During the outage')).toHaveLength(1);
    expect(titles).toHaveLength(49); // 46 demo listings in range of Bundang, not seeded twice, plus this seller's three.
  });
});

test('two tabs publishing and syncing at once push each listing exactly once', async ({ context, server }) => {
  const first = await context.newPage();
  const second = await context.newPage();
  // The person works in one tab at a time, the other behind it (where Chromium draws a frame about
  // once a second, and every click there would wait seconds for the page to hold still).
  await first.bringToFront();
  await openApp(first, server.url);
  await signUp(first);
  await chooseNeighbourhood(first, 'Sunae', 'Sunae 1-dong');
  await second.bringToFront();
  await openApp(second, server.url);
  await context.setOffline(true);
  await first.bringToFront();
  await writeDraft(first, { title: 'Tab one lamp', price: '7000', category: 'household' });
  await publish(first);
  await second.bringToFront();
  await writeDraft(second, { title: 'Tab two chair', price: '9000', category: 'furniture' });
  await publish(second, 2);
  // Both tabs share one replica: each sees both listings waiting.
  await first.bringToFront();
  await expect(first.getByTestId('my-listings').getByTestId('waiting-to-sync')).toHaveCount(2);

  await context.setOffline(false);
  for (const tab of [first, second]) await expectAllSynced(tab);
  const titles = (await serverListings(server)).map((l) => l.title);
  expect(titles.filter((t) => t === 'Tab one lamp')).toHaveLength(1);
  expect(titles.filter((t) => t === 'Tab two chair')).toHaveLength(1);
});

test('the network dropping in the middle of a paged pull still ends with every listing exactly once', async ({ newDevice, server }) => {
  // Twenty neighbours standing in Sunae-dong add 50 listings each there (the most one account may
  // publish in a day; and twenty sign-ups an hour is the most one address may make), 1,000 in all,
  // so a fresh device needs three pages.
  const sunae = at('kr-bundang-sunae');
  for (let seller = 0; seller < 20; seller++) {
    const signUp = await fetch(`${server.url}/api/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ nickname: `bulkseller${seller}`, password: 'a long enough password' }),
    });
    expect(signUp.status).toBe(201);
    const cookie = signUp.headers.get('set-cookie')!.split(';')[0];
    const mutations = Array.from({ length: 50 }, (_, i) => ({
      mutationId: crypto.randomUUID(),
      seq: i + 1,
      name: 'listing.create',
      args: { id: crypto.randomUUID(), title: `Bulk item ${seller * 50 + i}`, priceKrw: 1000, category: 'books', description: '', neighbourhoodId: 'kr-bundang-sunae' },
      createdAt: Date.now(),
      // The first publish proves the place with a GPS reading taken now, which lets the rest sell there
      // too. Each neighbour stands a few metres from the last: one reading sent twice is refused.
      ...(i === 0 && { fix: { lat: sunae.latitude + seller * 0.00005, lng: sunae.longitude, accuracy: 10, takenAt: Date.now() } }),
    }));
    const response = await fetch(`${server.url}/api/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ clientId: crypto.randomUUID(), mutations }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { results: { status: string }[] };
    expect(body.results.filter((r) => r.status !== 'applied')).toEqual([]);
  }

  const page = await newDevice();
  const context = page.context();
  let pulls = 0;
  await context.route('**/api/sync/pull*', async (route) => {
    pulls++;
    if (pulls === 2) return route.abort('connectionreset'); // the second page is lost mid-way
    return route.continue();
  });
  await page.goto(server.url);
  // 1,000 new ones plus the 46 demo listings in range of Bundang.
  await expect.poll(() => countLocal(page, 'listings')).toBe(1046);
  expect(pulls).toBeGreaterThanOrEqual(4);
  await expect(page.getByTestId('listing-card').first()).toBeVisible();
});
