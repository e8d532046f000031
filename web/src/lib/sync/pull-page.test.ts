import { describe, expect, it } from 'vitest';
import { serverListing } from '../db/test-db.js';
import { pullPage } from '../chat/test-chats.js';
import { pullPageSchema } from './pull-page.js';

describe('a pull page as this version reads it', () => {
  const listing = serverListing();
  const known = { op: 'upsert', entity: 'listing', row: listing };

  it('leaves out changes about things this version does not know, and reads the rest', () => {
    const page = { ...pullPage([]), changes: [{ op: 'upsert', entity: 'poll', row: { id: 'p1', question: 'Lost cat?' } }, known, { op: 'delete', entity: 'coupon', id: 'c1' }] };
    expect(pullPageSchema.parse(JSON.parse(JSON.stringify(page))).changes).toEqual([known]);
  });

  it('leaves out notifications of a kind this version does not know, and reads the kinds it does', () => {
    const notification = (kind: string, extra: object = {}) => ({
      op: 'upsert',
      entity: 'notification',
      row: { id: `n-${kind}`, kind, subjectId: 's', title: 't', keyword: null, createdAt: 1, readAt: null, ...extra },
    });
    const page = { ...pullPage([]), changes: [notification('ad_budget_spent'), notification('security', { event: 'new_device_sign_in' }), notification('keyword')] };
    const read = pullPageSchema.parse(JSON.parse(JSON.stringify(page))).changes;
    expect(read.map((change) => (change.entity === 'notification' ? change.row.kind : change.entity))).toEqual(['security', 'keyword']);
    // A row from a server older than the security field reads as no event.
    expect(read[1]).toMatchObject({ row: { event: null } });
    // A known kind is still checked in full.
    expect(() => pullPageSchema.parse({ ...pullPage([]), changes: [notification('security', { event: 'passkey_stolen' })] })).toThrow();
  });

  it('reads board posts and comments, and refuses one missing what the board relies on', () => {
    const post = { id: 'p1', authorId: 'a', authorName: 'jun', neighbourhoodId: 'n', neighbourhood: 'N', topic: 'pets', text: 'Lost cat', photos: [], commentCount: 0, reactionCount: 0, underReview: false, createdAt: 1, updatedAt: 1, editedAt: null };
    const comment = { id: 'c1', postId: 'p1', parentId: null, authorId: 'b', authorName: 'minji', text: 'Seen it', deleted: false, underReview: false, createdAt: 2, editedAt: null };
    const page = { ...pullPage([]), changes: [{ op: 'upsert', entity: 'post', row: post }, { op: 'upsert', entity: 'comment', row: comment }, { op: 'delete', entity: 'post', id: 'p0' }] };
    expect(pullPageSchema.parse(JSON.parse(JSON.stringify(page))).changes).toHaveLength(3);
    expect(() => pullPageSchema.parse({ ...pullPage([]), changes: [{ op: 'upsert', entity: 'post', row: { ...post, topic: 'gossip' } }] })).toThrow();
  });

  it('still refuses a change of a known kind that is not what the device relies on, and a page that is not one', () => {
    const broken = { ...pullPage([]), changes: [{ op: 'upsert', entity: 'listing', row: { ...listing, priceKrw: 'free' } }] };
    expect(() => pullPageSchema.parse(broken)).toThrow();
    expect(() => pullPageSchema.parse({ ...pullPage([]), changes: [null] })).toThrow();
    expect(() => pullPageSchema.parse('<html>')).toThrow();
  });
});
