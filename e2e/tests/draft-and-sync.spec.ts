import {
  test,
  expect,
  openApp,
  chooseNeighbourhood,
  signUp,
  expectAllSent,
  expectAllSynced,
  publish,
  reloadOffline,
  serverListings,
  writeDraft,
} from '../support/fixtures.js';

test('a draft written offline survives a reload, publishes as waiting, and syncs by itself once online', async ({
  page,
  context,
  newDevice,
  server,
}) => {
  await openApp(page);
  await signUp(page);
  await chooseNeighbourhood(page, 'Sunae', 'Sunae 1-dong');
  await context.setOffline(true);

  await writeDraft(page, {
    title: '접이식 자전거 Folding bike',
    price: '85,000',
    category: 'sports',
    description: 'Brompton-style, 6 speeds. Meet at Pangyo station.',
  });
  await reloadOffline(page);
  await expect(page.locator('input[name=title]')).toHaveValue('접이식 자전거 Folding bike');
  await expect(page.locator('input[name=price]')).toHaveValue('85,000');
  await expect(page.locator('select[name=category]')).toHaveValue('sports');
  await expect(page.locator('textarea[name=description]')).toHaveValue('Brompton-style, 6 speeds. Meet at Pangyo station.');

  const mine = await publish(page);
  await expect(mine).toContainText('접이식 자전거 Folding bike');
  await expect(mine).toContainText('₩85,000');
  await expect(mine.getByTestId('waiting-to-sync')).toBeVisible();
  expect((await serverListings(server)).some((l) => l.title === '접이식 자전거 Folding bike')).toBe(false);

  // Back online: no tap needed.
  await context.setOffline(false);
  await expectAllSynced(page);
  const onServer = (await serverListings(server)).filter((l) => l.title === '접이식 자전거 Folding bike');
  expect(onServer).toHaveLength(1);

  // Another device sees it after its next pull.
  const other = await newDevice();
  await openApp(other, server.url);
  await expect(other.getByText('접이식 자전거 Folding bike')).toBeVisible();
});

test('one seller, another device: a draft with missing fields is not published and says what is missing; a free giveaway needs no price; a listing deleted goes everywhere; reserved, then sold, is seen on the other device', async ({
  page,
  newDevice,
  server,
}) => {
  await openApp(page);
  await signUp(page);
  await chooseNeighbourhood(page, 'Sunae', 'Sunae 1-dong');
  const mine = page.getByTestId('my-listings').getByTestId('listing-card');

  await test.step('a draft with missing fields is not published and says what is missing', async () => {
    await page.getByRole('link', { name: 'Sell', exact: true }).click();
    await page.fill('input[name=title]', 'Desk lamp');
    await page.getByRole('button', { name: 'Publish' }).click();
    await expect(page.getByText('Pick one of the listed categories')).toBeVisible();
    await expect(page).toHaveURL(/\/drafts\//);
    await page.getByRole('link', { name: 'My listings', exact: true }).click();
    await expect(page.getByTestId('draft-link')).toContainText('Desk lamp');
  });

  await test.step('a free giveaway needs no price', async () => {
    await writeDraft(page, { title: 'Moving boxes, free', category: 'free' });
    await publish(page);
    await expect(mine.filter({ hasText: 'Moving boxes, free' }).getByText('Free', { exact: true })).toBeVisible();
    await expectAllSynced(page);
    expect((await serverListings(server)).filter((l) => l.title === 'Moving boxes, free')).toHaveLength(1);
  });

  // A neighbour's device, opened once and reloaded (its next pull) to see each change.
  const other = await newDevice();
  await openApp(other, server.url);

  await test.step('deleting my listing removes it here, on the server and on other devices', async () => {
    await writeDraft(page, { title: 'Old kettle', price: '5000', category: 'household' });
    await publish(page, 2);
    await expectAllSynced(page);

    await other.reload();
    await expect(other.getByText('Old kettle')).toBeVisible();

    await mine.filter({ hasText: 'Old kettle' }).click();
    page.once('dialog', (dialog) => dialog.accept());
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(page).toHaveURL(/\/me$/);
    await expect(page.getByText('Old kettle')).toHaveCount(0);
    await expect.poll(async () => (await serverListings(server)).some((l) => l.title === 'Old kettle')).toBe(false);

    // The other device still shows its saved copy when opened, until its pull brings the deletion.
    await other.reload();
    await expect(other.getByTestId('listing-card').first()).toBeVisible();
    await expect(other.getByText('Old kettle')).toHaveCount(0);
  });

  await test.step('the seller marks a listing reserved, then sold, and other devices see it', async () => {
    await writeDraft(page, { title: 'Stroller, light', price: '60000', category: 'kids' });
    await publish(page, 2);
    await expectAllSynced(page);

    await mine.filter({ hasText: 'Stroller, light' }).click();
    await page.getByRole('radio', { name: 'Reserved' }).click();
    await expect(page.locator('article').getByTestId('status-badge')).toHaveText('Reserved');
    await expectAllSent(page);

    await other.reload();
    const badge = other.getByTestId('listing-card').filter({ hasText: 'Stroller, light' }).getByTestId('status-badge');
    await expect(badge).toHaveText('Reserved');

    await page.getByRole('radio', { name: 'Sold' }).click();
    await expect(page.locator('article').getByTestId('status-badge')).toHaveText('Sold');
    await expectAllSent(page);
    // The other device sees it after its next pull (here: the next time it is opened).
    await other.reload();
    await expect(badge).toHaveText('Sold');
    // Only the seller gets the controls.
    await other.getByText('Stroller, light').click();
    await expect(other.getByRole('heading', { name: 'Stroller, light', level: 1 })).toBeVisible();
    await expect(other.getByRole('radiogroup', { name: 'Listing status' })).toHaveCount(0);
  });
});
