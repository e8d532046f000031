// Keyword alerts (키워드 알림), end to end: a neighbour saves keywords (one of them offline) and turns
// push on, a seller nearby lists a match, and the alert reaches the neighbour's inbox and bell
// without a reload, and their device as a push (through a push service of the test's own, since a
// vendor's cannot be reached here); opening it marks it read.
import { expectAccessible } from '../support/a11y.js';
import { test, expect, openApp, chooseNeighbourhood, signUp, expectAllSent, expectAllSynced, publish, writeDraft } from '../support/fixtures.js';
import type { PushPayload } from '@dongne/shared';
import { deliverPush, pushServiceAt, shownNotifications } from '../support/push-endpoint.js';

test('a keyword saved, a neighbour lists a match, the alert arrives in the inbox and as a push, and opens the listing', async ({ page, newDevice, server, pushService }) => {
  const pushDevice = pushService.device();
  // The neighbour looking for a bike, who lets Dongne show notifications.
  const buyer = await newDevice({ permissions: ['geolocation', 'notifications'] });
  await openApp(buyer, server.url);
  await signUp(buyer);
  await chooseNeighbourhood(buyer, 'Sunae', 'Sunae 1-dong');

  await test.step('keywords are saved from the bell, one of them with no connection', async () => {
    await buyer.getByTestId('bell').click();
    await expect(buyer.getByRole('heading', { name: 'Notifications' })).toBeVisible();
    await expect(buyer.getByTestId('alerts-empty')).toBeVisible();
    await buyer.getByTestId('keywords-link').click();
    await expect(buyer.getByText('When a neighbour near Sunae 1-dong')).toBeVisible();

    const field = buyer.getByRole('textbox', { name: 'Keyword' });
    await field.fill('a');
    await buyer.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(buyer.getByRole('alert')).toHaveText('A keyword has 2 to 30 characters.');

    await field.fill('  자전거 ');
    await buyer.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(buyer.getByTestId('keyword')).toHaveText(['자전거']);
    await field.fill('자전거');
    await buyer.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(buyer.getByRole('alert')).toHaveText('You already have “자전거”.');
    await expectAccessible(buyer, 'keyword alerts, with an error (en)');

    await buyer.context().setOffline(true);
    await field.fill('Desk Lamp');
    await field.press('Enter');
    await expect(buyer.getByTestId('keyword')).toHaveText(['desk lamp', '자전거']);
    await expect(buyer.getByTestId('keyword-count')).toHaveText('2 of 30');
    await buyer.getByRole('button', { name: 'Remove “desk lamp”' }).click();
    await expect(buyer.getByTestId('keyword')).toHaveText(['자전거']);
    await buyer.context().setOffline(false);
    await expectAllSent(buyer);
  });

  await test.step('push: the screen says what is sent; this browser cannot reach its push service, then (with ours) turns on; quiet hours off', async () => {
    await buyer.getByTestId('bell').click();
    await buyer.getByTestId('push-link').click();
    await expect(buyer.getByRole('heading', { name: 'Push notifications', level: 1 })).toBeVisible();
    await expect(buyer.getByText('when a neighbour lists something with one of your keywords')).toBeVisible();
    await expect(buyer.getByTestId('push-status')).toHaveText('Off for this device');
    // Chromium here has no vendor push service to reach: the browser's own refusal, in words.
    await buyer.getByTestId('push-on').click();
    await expect(buyer.getByTestId('push-problem')).toHaveText("The browser couldn't reach its push service. Check the connection and try again.");

    await pushServiceAt(buyer.context(), pushDevice.subscription);
    await buyer.reload();
    await buyer.getByTestId('push-on').click();
    await expect(buyer.getByTestId('push-status')).toHaveText('On for this device');
    await expect(buyer.getByTestId('push-problem')).toHaveCount(0);

    // Quiet hours are 22:00–08:00 in Seoul unless changed: off, so the push below is not held whatever the hour.
    await expect(buyer.getByTestId('quiet-start')).toHaveValue('22:00');
    await expect(buyer.getByTestId('quiet-end')).toHaveValue('08:00');
    await buyer.getByTestId('quiet-end').fill('22:00');
    await buyer.getByRole('button', { name: 'Save quiet hours' }).click();
    await expect(buyer.getByTestId('quiet-note')).toHaveText('Quiet hours need a start and an end that differ.');
    await buyer.getByLabel('Hold pushes in quiet hours').uncheck();
    await buyer.getByRole('button', { name: 'Save quiet hours' }).click();
    await expect(buyer.getByTestId('quiet-note')).toHaveText('Quiet hours saved.');
    await expectAccessible(buyer, 'push notifications, on (en)');
    await buyer.reload();
    await expect(buyer.getByTestId('push-status')).toHaveText('On for this device');
    await expect(buyer.getByLabel('Hold pushes in quiet hours')).not.toBeChecked();
    await buyer.getByRole('link', { name: 'Notifications' }).first().click();
    await expect(buyer.getByTestId('push-link')).toContainText('On');
  });

  await test.step('a seller nearby lists a folding bike; the alert reaches the bell and the inbox by itself', async () => {
    await openApp(page);
    await signUp(page);
    await chooseNeighbourhood(page, 'Sunae', 'Sunae 1-dong');
    await writeDraft(page, { title: '접이식 자전거 Folding bike', price: '85,000', category: 'sports' });
    await publish(page);
    await expectAllSynced(page);

    await expect(buyer.getByTestId('bell-unread')).toHaveText('1');
    await buyer.getByRole('link', { name: 'Notifications' }).first().click();
    const alert = buyer.getByTestId('notification');
    await expect(alert).toHaveCount(1);
    await expect(alert).toContainText('New listing for “자전거”');
    await expect(alert).toContainText('접이식 자전거 Folding bike');
    await expect(alert).toContainText('unread');
    await expectAccessible(buyer, 'the inbox, one unread (en)');
  });

  let pushed!: PushPayload;
  await test.step('the push service was sent the alert, encrypted for the device; the service worker shows it', async () => {
    await expect.poll(() => pushDevice.pushes().length).toBe(1);
    const [push] = pushDevice.pushes();
    [pushed] = pushDevice.payloads();
    expect(pushed).toMatchObject({ kind: 'keyword', keyword: '자전거', title: '접이식 자전거 Folding bike', locale: 'en', url: expect.stringMatching(/^\/listings\//) });
    expect(push.headers.authorization).toMatch(/^vapid t=.+, k=.+/);
    expect(Number(push.headers.ttl)).toBeGreaterThan(0);

    await deliverPush(buyer, pushed);
    await expect.poll(() => shownNotifications(buyer)).toEqual([{ title: 'New listing for “자전거”', body: '접이식 자전거 Folding bike', url: pushed.url }]);
  });

  await test.step('opening it shows the listing and marks it read; a push about the listing on screen is not shown', async () => {
    await buyer.getByTestId('notification').click();
    await expect(buyer.getByRole('heading', { name: '접이식 자전거 Folding bike' })).toBeVisible();
    await buyer.evaluate(async () => (await (await navigator.serviceWorker.ready).getNotifications()).forEach((n) => n.close()));
    // The same push again while its listing is on screen, then one about another: only that one shows.
    await deliverPush(buyer, pushed);
    await deliverPush(buyer, { ...pushed, notificationId: 'another', subjectId: 'another', url: '/listings/another', title: 'Another bike' });
    await expect.poll(() => shownNotifications(buyer)).toEqual([{ title: 'New listing for “자전거”', body: 'Another bike', url: '/listings/another' }]);
    await expect(buyer.getByTestId('bell-unread')).toHaveCount(0);
    await expectAllSent(buyer);
    await buyer.goBack();
    await expect(buyer.getByTestId('notification')).not.toContainText('unread');
  });

  await test.step('in Korean: the inbox and the keywords speak Korean and stay accessible', async () => {
    await buyer.evaluate(() => localStorage.setItem('dongne.locale', 'ko'));
    await buyer.reload();
    await expect(buyer.getByRole('heading', { name: '알림', level: 1 })).toBeVisible();
    await expect(buyer.getByTestId('notification')).toContainText('‘자전거’ 키워드 새 글');
    await expectAccessible(buyer, 'the inbox (ko)');
    await buyer.getByTestId('keywords-link').click();
    await expect(buyer.getByRole('heading', { name: '키워드 알림', level: 1 })).toBeVisible();
    await buyer.getByRole('textbox', { name: '키워드' }).fill('가');
    await buyer.getByRole('button', { name: '등록', exact: true }).click();
    await expect(buyer.getByRole('alert')).toHaveText('키워드는 2~30자로 입력해 주세요.');
    await expectAccessible(buyer, 'keyword alerts, with an error (ko)');
  });
});
