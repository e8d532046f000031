// The neighbourhood board (동네생활), end to end: a post written with no connection shows at once and
// goes out once the connection returns; a neighbour likes it (공감) and comments; the author is told,
// opens the post from the inbox and replies; the neighbour is told of the reply; and once five
// different neighbours have reported the post it leaves everyone's board but its author's.
import { randomUUID } from 'node:crypto';
import type { APIRequestContext, BrowserContext } from '@playwright/test';
import { expectAccessible } from '../support/a11y.js';
import { test, expect, expectAllSent, readMeta, reloadOffline, syncNow } from '../support/fixtures.js';
import { buyerInSunae, LIVE_BOUND_MS } from '../support/trading.js';
import { at } from '../support/places.js';

const POST_TEXT = '수내역 2번 출구 앞에서 갈색 푸들을 잃어버렸어요. 보신 분 연락 부탁드려요!\nLost: a brown poodle near Sunae station exit 2.';

/** No network at all, the service worker's own requests included. */
async function goOffline(context: BrowserContext) {
  await context.route('**/api/**', (route) => route.abort('internetdisconnected'));
  await context.setOffline(true);
}
async function goOnline(context: BrowserContext) {
  await context.unroute('**/api/**');
  await context.setOffline(false);
}

/**
 * A neighbour who only reports the post, through the API as any client may: signed up, holding the
 * neighbourhood the post is in and verified there (only verified neighbours' reports hide a post),
 * then the report, each a mutation the server answers as applied.
 */
async function reportFromAnotherNeighbour(api: APIRequestContext, n: number, placeId: string, postId: string) {
  const signedUp = await api.post('/api/auth/signup', { data: { nickname: `신고이웃${process.pid}x${n}`, password: 'correct horse battery' } });
  expect(signedUp.status()).toBe(201);
  const mutation = (seq: number, name: string, args: unknown, fix?: unknown) => ({ mutationId: randomUUID(), seq, name, args, createdAt: Date.now(), ...(fix ? { fix } : {}) });
  const { latitude: lat, longitude: lng, accuracy } = at('kr-bundang-sunae');
  const pushed = await api.post('/api/sync/push', {
    data: {
      clientId: randomUUID(),
      mutations: [
        mutation(1, 'neighbourhood.set', { held: [placeId], active: placeId }),
        mutation(2, 'neighbourhood.verify', { neighbourhoodId: placeId }, { lat: lat + n * 0.00003, lng: lng - n * 0.00002, accuracy: accuracy + n, takenAt: Date.now() - n }),
        mutation(3, 'report.create', { id: randomUUID(), target: 'post', targetId: postId, reason: 'spam' }),
      ],
    },
  });
  const results = ((await pushed.json()) as { results: { status: string; code?: string }[] }).results;
  expect(results.map((r) => r.code ?? r.status)).toEqual(['applied', 'applied', 'applied']);
}

test('a board post written offline, liked and commented on by a neighbour, the reply told, and hidden after five reports', async ({
  page,
  context,
  newDevice,
  playwright,
  server,
}) => {
  // The author, verified in Sunae 1-dong: only people verified in a neighbourhood post there.
  await buyerInSunae(page);
  let postId = '';

  await test.step('written with no connection: it shows at once, waiting, survives a reload, and goes out once online', async () => {
    await page.getByRole('link', { name: 'Community', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Community', level: 1 })).toBeVisible();
    await goOffline(context);
    await page.getByTestId('board-write').click();
    await expect(page.getByRole('heading', { name: 'New community post' })).toBeVisible();
    await expect(page.getByText('Posting in Sunae 1-dong')).toBeVisible();

    // Nothing chosen yet: the screen says what is missing, in words, and sends nothing.
    await page.getByTestId('board-publish').click();
    await expect(page.getByRole('alert').filter({ hasText: 'Choose a topic.' })).toBeVisible();
    await expect(page.getByRole('alert').filter({ hasText: 'Write something first.' })).toBeVisible();

    await page.getByRole('radio', { name: 'Lost & found' }).click();
    await page.getByRole('textbox', { name: 'Your post' }).fill(POST_TEXT);
    await expect(page.getByText('Draft saved on this device')).toBeVisible();
    await expect(page.getByText('You’re offline. It posts when you’re back online.')).toBeVisible();
    await expectAccessible(page, 'writing a board post, offline (en)');
    await page.getByTestId('board-publish').click();

    await expect(page.getByTestId('board-post')).toContainText('brown poodle');
    await expect(page.getByTestId('board-post').getByTestId('waiting-to-sync')).toBeVisible();
    postId = new URL(page.url()).pathname.split('/').at(-1)!;
    await reloadOffline(page);
    await expect(page.getByTestId('board-post')).toContainText('brown poodle');
    await page.getByRole('link', { name: 'Community', exact: true }).first().click();
    await expect(page.getByTestId('board').getByTestId('board-card').first()).toContainText('brown poodle');
    await expect(page.getByTestId('board-drafts')).toHaveCount(0);
    await expectAccessible(page, 'the board, offline (en)');

    await goOnline(context);
    await expectAllSent(page, { timeout: 60_000 });
    await expect(page.getByTestId('board').getByTestId('waiting-to-sync')).toHaveCount(0);
  });

  const neighbour = await newDevice();
  await test.step('a neighbour finds it on the board, likes it and comments', async () => {
    await buyerInSunae(neighbour);
    await neighbour.getByRole('link', { name: 'Community', exact: true }).click();
    await neighbour.getByTestId('board-card').filter({ hasText: 'brown poodle' }).click();
    await expect(neighbour.getByTestId('board-post')).toContainText('Lost & found');
    await neighbour.getByTestId('board-react').click();
    await expect(neighbour.getByTestId('board-react')).toHaveAttribute('aria-pressed', 'true');
    await expect(neighbour.getByTestId('board-reaction-count')).toHaveText('1');

    await neighbour.getByTestId('board-comment-send').click();
    await expect(neighbour.getByRole('alert').filter({ hasText: 'Write something first.' })).toBeVisible();
    await neighbour.getByTestId('board-comment-input').fill('어제 저녁에 정자동 카페거리에서 본 것 같아요');
    await neighbour.getByTestId('board-comment-send').click();
    await expect(neighbour.getByTestId('board-comment')).toContainText(['정자동 카페거리']);
    await expectAccessible(neighbour, 'a board post with a comment (en)');
    await expectAllSent(neighbour);
  });

  await test.step('the author is told, opens the post from the inbox, sees the count and the comment, and replies', async () => {
    await expect(page.getByTestId('bell-unread')).toHaveText(/[1-9]/, { timeout: LIVE_BOUND_MS });
    await page.getByTestId('bell').click();
    const told = page.getByTestId('notification').filter({ hasText: '정자동 카페거리' });
    await expect(told).toHaveCount(1);
    await told.click();
    await expect(page).toHaveURL(new RegExp(`/board/${postId}$`));
    await expect(page.getByTestId('board-reaction-count')).toHaveText('1');
    const comment = page.getByTestId('board-comment').filter({ hasText: '정자동 카페거리' });
    await comment.getByRole('button', { name: 'Reply' }).click();
    await page.getByTestId('board-comment-input').fill('감사합니다! 지금 가 볼게요');
    await page.getByTestId('board-comment-send').click();
    await expect(page.getByTestId('board-comment')).toContainText(['정자동 카페거리', '지금 가 볼게요']);
    await expectAllSent(page);
  });

  await test.step('search’s Community tab finds the post by a Korean word inside a longer one', async () => {
    await neighbour.goto(`/search?q=${encodeURIComponent('푸들')}&in=board`);
    await expect(neighbour.getByTestId('search-posts').getByTestId('board-card')).toHaveCount(1);
    await expectAccessible(neighbour, 'search, Community tab (en)');
  });

  await test.step('the neighbour is told of the reply', async () => {
    await expect(neighbour.getByTestId('bell-unread')).toHaveText(/[1-9]/, { timeout: LIVE_BOUND_MS });
    await neighbour.getByTestId('bell').click();
    await expect(neighbour.getByTestId('notification').filter({ hasText: '지금 가 볼게요' })).toHaveCount(1);
  });

  await test.step('five different neighbours report it: it leaves the neighbours’ board, its author sees it under review', async () => {
    const placeId = (await readMeta<{ neighbourhoods: { id: string; active: boolean }[] }>(page, 'profile'))!.neighbourhoods.find((n) => n.active)!.id;
    await neighbour.goto(`/board/${postId}`);
    await neighbour.getByRole('button', { name: 'Report' }).first().click();
    const dialog = neighbour.getByTestId('report-dialog');
    await expect(dialog.getByRole('heading', { name: 'Report this post' })).toBeVisible();
    await dialog.getByText('Spam or advertising').click();
    await dialog.getByRole('button', { name: 'Send report' }).click();
    await expect(dialog.getByTestId('report-sent')).toBeVisible();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expectAllSent(neighbour);
    await syncNow(neighbour);
    // Four reports are not five: the post stays.
    for (let n = 1; n <= 3; n++) {
      const api = await playwright.request.newContext({ baseURL: server.url });
      await reportFromAnotherNeighbour(api, n, placeId, postId);
      await api.dispose();
    }
    await syncNow(neighbour);
    await neighbour.getByRole('link', { name: 'Community', exact: true }).first().click();
    await expect(neighbour.getByTestId('board-card').filter({ hasText: 'brown poodle' })).toHaveCount(1);

    const api = await playwright.request.newContext({ baseURL: server.url });
    await reportFromAnotherNeighbour(api, 4, placeId, postId);
    await api.dispose();
    await syncNow(neighbour);
    await expect(neighbour.getByTestId('board-card').filter({ hasText: 'brown poodle' })).toHaveCount(0);

    await syncNow(page);
    await page.goto(`/board/${postId}`);
    await expect(page.getByTestId('under-review')).toContainText('hidden from others until it is reviewed');
  });
});
