// Keyword alerts (키워드 알림), end to end: a neighbour saves keywords (one of them offline), a seller
// nearby lists a match, and the alert reaches the neighbour's inbox and bell without a reload;
// opening it marks it read.
import { expectAccessible } from '../support/a11y.js';
import { test, expect, openApp, chooseNeighbourhood, signUp, expectAllSent, expectAllSynced, publish, writeDraft } from '../support/fixtures.js';

test('a keyword saved, a neighbour lists a match, the alert arrives in the inbox and opens the listing', async ({ page, newDevice, server }) => {
  // The neighbour looking for a bike.
  const buyer = await newDevice();
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

  await test.step('opening it shows the listing and marks it read', async () => {
    await buyer.getByTestId('notification').click();
    await expect(buyer.getByRole('heading', { name: '접이식 자전거 Folding bike' })).toBeVisible();
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
