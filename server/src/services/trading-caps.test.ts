// The daily caps on trading, through push as real devices meet them (either engine): messages sent,
// conversations started, reports and new blocks. Past its cap, each step is refused with its own
// code and nothing of it is written; a day later there is room again; an operator can raise them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { REPORT_LIMITS, type MutationResult } from '@dongne/shared';
import { settingsFrom } from '../settings.js';
import { createTestServer, dumpTables, mutation, push, type TestServer } from '../testing/harness.js';
import { messagesIn, people, say, type Person } from '../testing/trading.js';
import type { DailyCaps } from './mutation-context.js';

const DAY = 24 * 60 * 60 * 1000;
/** Low caps, so a test reaches each in a few steps. */
const CAPS: Partial<DailyCaps> = { messages: 4, conversations: 2, reports: 2, blocks: 2 };

let server: TestServer;
let tools: ReturnType<typeof people>;
let seller: Person;
/** Verified, so can start conversations. */
let buyer: Person;
/** Takes offers. */
let chair: string;

async function start(dailyCaps?: Partial<DailyCaps>) {
  server = await createTestServer({ dailyCaps });
  tools = people(server);
  seller = await tools.person();
  buyer = await tools.person({ verified: true });
  chair = await tools.publish(seller, { title: '원목 의자', priceKrw: 30_000, acceptsOffers: true });
}
beforeEach(() => start(CAPS));
afterEach(() => server.close());

/** Every table but the push's own bookkeeping (which device sent what, and the answer it got). */
async function tables() {
  const { processed_mutations, clients, ...rest } = await dumpTables(server.store);
  return rest;
}

/** Expects the step refused with `code`, every table as it was before it; answers the refusal. */
async function refusedLeavingNothing(step: () => Promise<MutationResult>, code: string): Promise<MutationResult> {
  const before = await tables();
  const result = await step();
  expect(result).toMatchObject({ status: 'rejected', code });
  expect(await tables()).toEqual(before);
  return result;
}

const applied = { status: 'applied' };
const offer = (listingId: string, buyerId: string, priceKrw = 25_000) => ({ id: randomUUID(), listingId, buyerId, priceKrw });
const appointment = (listingId: string, buyerId: string) => ({
  id: randomUUID(),
  listingId,
  buyerId,
  at: server.clock.now() + DAY,
  place: 'Sunae station exit 3',
});
const report = (target: 'actor' | 'listing', targetId: string) => ({ id: randomUUID(), target, targetId, reason: 'spam', text: 'Sends the same ad everywhere' });
const block = (who: Person, blocked = true) => ({ actorId: who.actorId, blocked });

describe('messages a day', () => {
  it('counts every step that writes a message, refuses the next one with chat.daily_limit, and keeps nothing of it', async () => {
    const made = offer(chair, buyer.actorId);
    const proposed = appointment(chair, buyer.actorId);
    expect(await buyer.act('chat.send', say(chair, buyer.actorId, 'Is it still available?'))).toMatchObject(applied);
    expect(await buyer.act('chat.offer', made)).toMatchObject(applied);
    expect(await buyer.act('chat.propose_appointment', proposed)).toMatchObject(applied);
    expect(await buyer.act('chat.send', say(chair, buyer.actorId, 'Does that time work?'))).toMatchObject(applied);

    const refused = await refusedLeavingNothing(() => buyer.act('chat.send', say(chair, buyer.actorId, 'Hello?')), 'chat.daily_limit');
    expect(refused).toMatchObject({ message: expect.stringMatching(/4 messages a day.*kept on this device.*tomorrow/) });
    expect(await refusedLeavingNothing(() => buyer.act('chat.offer', offer(chair, buyer.actorId, 20_000)), 'chat.daily_limit')).toMatchObject({
      message: expect.stringContaining('Try again tomorrow'),
    });

    // The seller's count is the seller's own, and answering and confirming count in it.
    expect(await seller.act('chat.answer_offer', { id: randomUUID(), listingId: chair, buyerId: buyer.actorId, offerId: made.id, accept: true })).toMatchObject(applied);
    expect(await seller.act('chat.confirm_appointment', { id: randomUUID(), listingId: chair, buyerId: buyer.actorId, appointmentId: proposed.id })).toMatchObject(applied);
    expect(await seller.act('chat.send', say(chair, buyer.actorId, 'See you there.'))).toMatchObject(applied);
    expect(await seller.act('chat.send', say(chair, buyer.actorId, 'Bring cash, please.'))).toMatchObject(applied);
    await refusedLeavingNothing(() => seller.act('chat.send', say(chair, buyer.actorId, 'Are you there?')), 'chat.daily_limit');

    // A day after the first of them, there is room again.
    server.clock.advance(DAY);
    expect(await buyer.act('chat.send', say(chair, buyer.actorId, 'Hello?'))).toMatchObject(applied);
  });

  it('does not count the lines a reservation and a sale write in the chat', async () => {
    expect(await buyer.act('chat.send', say(chair, buyer.actorId, 'Is it still available?'))).toMatchObject(applied);
    expect(await seller.act('trade.reserve', { listingId: chair, buyerId: buyer.actorId })).toMatchObject(applied);
    expect(await seller.act('trade.complete', { listingId: chair, buyerId: buyer.actorId })).toMatchObject(applied);
    for (const text of ['Thanks!', 'Enjoy the chair.', 'It is solid oak.', 'Bye.']) {
      expect(await seller.act('chat.send', say(chair, buyer.actorId, text))).toMatchObject(applied);
    }
    await refusedLeavingNothing(() => seller.act('chat.send', say(chair, buyer.actorId, 'One more thing')), 'chat.daily_limit');
    const kinds = messagesIn(await seller.view(), chair, buyer.actorId).map((m) => m.kind);
    expect(kinds).toEqual(['text', 'reserved', 'sold', 'text', 'text', 'text', 'text']);
  });
});

describe('conversations started a day', () => {
  it('refuses a buyer a new conversation past the cap with chat.conversation_daily_limit, while those already started carry on', async () => {
    const lamp = await tools.publish(seller, { title: 'IKEA desk lamp', acceptsOffers: true });
    const desk = await tools.publish(seller, { title: 'Standing desk', acceptsOffers: true });
    expect(await buyer.act('chat.send', say(chair, buyer.actorId, 'Is the chair still available?'))).toMatchObject(applied);
    expect(await buyer.act('chat.offer', offer(lamp, buyer.actorId, 10_000))).toMatchObject(applied);

    const refused = await refusedLeavingNothing(() => buyer.act('chat.send', say(desk, buyer.actorId, 'Is the desk still available?')), 'chat.conversation_daily_limit');
    expect(refused).toMatchObject({ message: expect.stringMatching(/start 2 conversations a day.*kept on this device.*tomorrow/) });
    await refusedLeavingNothing(() => buyer.act('chat.offer', offer(desk, buyer.actorId)), 'chat.conversation_daily_limit');
    expect(await buyer.act('chat.send', say(chair, buyer.actorId, 'I could come tonight.'))).toMatchObject(applied);

    // Another buyer is not held back by this one's cap.
    const neighbour = await tools.person({ verified: true });
    expect(await neighbour.act('chat.send', say(desk, neighbour.actorId, 'Is the desk still available?'))).toMatchObject(applied);
    server.clock.advance(DAY);
    expect(await buyer.act('chat.send', say(desk, buyer.actorId, 'Is the desk still available?'))).toMatchObject(applied);
  });
});

describe('reports a day', () => {
  it('refuses the next report past the cap with report.daily_limit, storing nothing of it', async () => {
    expect(await buyer.act('report.create', report('actor', seller.actorId))).toMatchObject(applied);
    expect(await buyer.act('report.create', report('listing', chair))).toMatchObject(applied);
    const refused = await refusedLeavingNothing(() => buyer.act('report.create', report('actor', seller.actorId)), 'report.daily_limit');
    expect(refused).toMatchObject({ message: expect.stringMatching(/2 reports a day.*not sent.*tomorrow/) });

    const neighbour = await tools.person();
    expect(await neighbour.act('report.create', report('actor', seller.actorId))).toMatchObject(applied);
    server.clock.advance(DAY);
    expect(await buyer.act('report.create', report('actor', seller.actorId))).toMatchObject(applied);
  });
});

describe('blocks a day', () => {
  it('counts only new blocks: unblocking, or blocking someone already blocked, is never refused', async () => {
    const [stranger, spammer] = [await tools.person(), await tools.person()];
    expect(await buyer.act('block.set', block(seller))).toMatchObject(applied);
    expect(await buyer.act('block.set', block(seller, false))).toMatchObject(applied);
    // Had the unblock counted, this second block would be past the cap.
    expect(await buyer.act('block.set', block(stranger))).toMatchObject(applied);
    expect(await buyer.act('block.set', block(stranger))).toMatchObject(applied);

    const refused = await refusedLeavingNothing(() => buyer.act('block.set', block(spammer)), 'block.daily_limit');
    expect(refused).toMatchObject({ message: expect.stringMatching(/block 2 people a day.*tomorrow/) });
    expect(await buyer.act('block.set', block(stranger, false))).toMatchObject(applied);
    await refusedLeavingNothing(() => buyer.act('block.set', block(seller)), 'block.daily_limit');
    expect((await buyer.view()).last.blockedIds).toEqual([]);

    server.clock.advance(DAY);
    expect(await buyer.act('block.set', block(spammer))).toMatchObject(applied);
    expect((await buyer.view()).last.blockedIds).toEqual([spammer.actorId]);
  });
});

describe('caps an operator sets', () => {
  /** Pushes `n` reports of the seller from the buyer's phone in one push; answers each result. */
  const reports = async (n: number) =>
    (await push(server.app, buyer.cookie, buyer.clientId, Array.from({ length: n }, () => mutation(buyer.nextSeq(), 'report.create', report('actor', seller.actorId)))))
      .results;

  it('hold an account to the default, or to what DONGNE_REPORTS_PER_DAY raises it to', async () => {
    await server.close();
    await start();
    const byDefault = await reports(REPORT_LIMITS.perDay + 1);
    expect(byDefault.filter((r) => r.status === 'applied')).toHaveLength(REPORT_LIMITS.perDay);
    expect(byDefault.at(-1)).toMatchObject({ status: 'rejected', code: 'report.daily_limit' });

    const parsed = settingsFrom({ DONGNE_REPORTS_PER_DAY: String(REPORT_LIMITS.perDay + 5) }, '/srv/dongne');
    if ('error' in parsed) throw new Error(parsed.error);
    await server.close();
    await start(parsed.settings.dailyCaps);
    const raised = await reports(REPORT_LIMITS.perDay + 6);
    expect(raised.filter((r) => r.status === 'applied')).toHaveLength(REPORT_LIMITS.perDay + 5);
    expect(raised.at(-1)).toMatchObject({ status: 'rejected', code: 'report.daily_limit', message: expect.stringContaining(`${REPORT_LIMITS.perDay + 5} reports a day`) });
  });
});
