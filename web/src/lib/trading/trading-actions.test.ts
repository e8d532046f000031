// Block, report and review as the outbox records them: the mutation the server will get, with the
// arguments it will check, and nothing queued when the person's input would be refused.
import { describe, expect, it } from 'vitest';
import { conversationId } from '@dongne/shared';
import { signedIn } from '../db/account.js';
import type { DongneDb } from '../db/db.js';
import { useFreshDb } from '../db/test-db.js';
import { setBlocked } from './block-actions.js';
import { sendReport } from './report-actions.js';
import { sendReview } from './review-actions.js';

let db: DongneDb;
useFreshDb((fresh) => (db = fresh));

const minji = { actorId: 'minji-id', nickname: 'minji', joinedAt: 1 };
const waiting = async () => (await db.outbox.orderBy('seq').toArray()).map((e) => ({ name: e.name, args: e.args, entityId: e.entityId, ownerId: e.ownerId }));

describe('blocking', () => {
  it('queues block.set for the person, as the signed-in account', async () => {
    await signedIn(db, minji);
    await setBlocked(db, 'jisoo-id', true);
    expect(await waiting()).toEqual([{ name: 'block.set', args: { actorId: 'jisoo-id', blocked: true }, entityId: 'block:jisoo-id', ownerId: 'minji-id' }]);
  });

  it('waits as one change for a person however often it is toggled, ending as the last tap left it', async () => {
    await signedIn(db, minji);
    await setBlocked(db, 'jisoo-id', true);
    await setBlocked(db, 'jisoo-id', false);
    await setBlocked(db, 'dohyun-id', true);
    await setBlocked(db, 'jisoo-id', true);
    expect((await waiting()).map((e) => e.args)).toEqual([
      { actorId: 'dohyun-id', blocked: true },
      { actorId: 'jisoo-id', blocked: true },
    ]);
  });

  it('never rewrites a block already on its way: unblocking is a change of its own', async () => {
    await signedIn(db, minji);
    await setBlocked(db, 'jisoo-id', true);
    const [sent] = await db.outbox.toArray();
    await db.outbox.update(sent.seq, { wire: { clientId: 'phone', seq: 1 } });
    await setBlocked(db, 'jisoo-id', false);
    expect((await waiting()).map((e) => e.args)).toEqual([
      { actorId: 'jisoo-id', blocked: true },
      { actorId: 'jisoo-id', blocked: false },
    ]);
  });
});

describe('reporting', () => {
  it('queues report.create with the target, the reason and the trimmed text', async () => {
    await signedIn(db, minji);
    const result = await sendReport(db, { target: 'listing', targetId: 'listing-1', reason: 'scam', text: '  Asked me to pay first  ' });
    expect(result.ok).toBe(true);
    const [entry] = await waiting();
    expect(entry.name).toBe('report.create');
    expect(entry.args).toEqual({ id: result.ok && result.id, target: 'listing', targetId: 'listing-1', reason: 'scam', text: 'Asked me to pay first' });
    // Filed under the report, so the listing itself never looks changed by its reporter.
    expect(entry.entityId).toBe(`report:${result.ok && result.id}`);
  });

  it('leaves out an empty text, and each report is its own entry', async () => {
    await signedIn(db, minji);
    await sendReport(db, { target: 'actor', targetId: 'jisoo-id', reason: 'abusive', text: '   ' });
    await sendReport(db, { target: 'actor', targetId: 'jisoo-id', reason: 'no_show' });
    const entries = await waiting();
    expect(entries.map((e) => e.args)).toEqual([
      { id: expect.any(String), target: 'actor', targetId: 'jisoo-id', reason: 'abusive' },
      { id: expect.any(String), target: 'actor', targetId: 'jisoo-id', reason: 'no_show' },
    ]);
  });

  it('refuses a text over the limit with the reason, and queues nothing', async () => {
    await signedIn(db, minji);
    const result = await sendReport(db, { target: 'actor', targetId: 'jisoo-id', reason: 'other', text: 'x'.repeat(501) });
    expect(result).toEqual({ ok: false, message: 'Keep it under 500 characters' });
    expect(await waiting()).toEqual([]);
  });
});

describe('reviewing', () => {
  const listingId = crypto.randomUUID();

  it('queues review.create with the manners and text, filed under the conversation', async () => {
    await signedIn(db, minji);
    // Minji sold to Jisoo: the buyer is the one she reviews.
    const result = await sendReview(db, { listingId, revieweeId: 'jisoo-id', good: ['kind', 'on_time'], bad: [], text: ' Thanks! ' }, 'jisoo-id');
    expect(result.ok).toBe(true);
    expect(await waiting()).toEqual([
      {
        name: 'review.create',
        args: { id: result.ok && result.id, listingId, revieweeId: 'jisoo-id', good: ['kind', 'on_time'], bad: [], text: 'Thanks!' },
        entityId: conversationId(listingId, 'jisoo-id'),
        ownerId: 'minji-id',
      },
    ]);
  });

  it('takes bad manners alone, without a text', async () => {
    await signedIn(db, minji);
    // Minji bought from Dohyun: she is the buyer.
    await sendReview(db, { listingId, revieweeId: 'dohyun-id', good: [], bad: ['late'] }, 'minji-id');
    const [entry] = await waiting();
    expect(entry.args).toEqual({ id: expect.any(String), listingId, revieweeId: 'dohyun-id', good: [], bad: ['late'] });
    expect(entry.entityId).toBe(conversationId(listingId, 'minji-id'));
  });

  it('refuses a review with no manner chosen, and queues nothing', async () => {
    await signedIn(db, minji);
    const result = await sendReview(db, { listingId, revieweeId: 'jisoo-id', good: [], bad: [], text: 'ok' }, 'jisoo-id');
    expect(result).toEqual({ ok: false, message: 'Choose at least one manner' });
    expect(await waiting()).toEqual([]);
  });
});
