// The live channel: a neighbour with the app open sees a new listing within seconds of its seller
// publishing it, because the server pokes their device to pull, not because of the 30 s poll.
import type { WebSocket } from '@playwright/test';
import { test, expect, openApp, chooseNeighbourhood, expectAllSent, publish, signUp, writeDraft } from '../support/fixtures.js';

/** Well under the 30 s poll: only a poke brings the listing this soon. */
const LIVE_BOUND_MS = 10_000;

test("a neighbour's open feed shows a new listing within seconds, poked over the live channel", async ({ page: seller, newDevice, server }) => {
  await openApp(seller);
  await signUp(seller);
  await chooseNeighbourhood(seller, 'Sunae', 'Sunae 1-dong');
  await writeDraft(seller, { title: 'Live: bicycle helmet', price: '12000', category: 'sports' });

  const neighbour = await newDevice();
  const pokes: string[] = [];
  const channel = neighbour.waitForEvent('websocket', (ws: WebSocket) => ws.url().includes('/api/sync/live'));
  await openApp(neighbour, server.url);
  (await channel).on('framereceived', (frame) => pokes.push(String(frame.payload)));
  const cards = neighbour.getByTestId('feed').getByTestId('listing-card');
  await expect(cards.first()).toBeVisible();
  await expect(cards.filter({ hasText: 'Live: bicycle helmet' })).toHaveCount(0);

  await publish(seller);
  await expectAllSent(seller);
  await expect(cards.filter({ hasText: 'Live: bicycle helmet' })).toBeVisible({ timeout: LIVE_BOUND_MS });
  expect(pokes).toContain('pull');
});
