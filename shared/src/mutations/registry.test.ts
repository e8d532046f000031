import { describe, expect, it } from 'vitest';
import { isMutationName, mutationArgs, MUTATION_NAMES } from './index.js';

describe('mutation registry', () => {
  it('knows each declared mutation and nothing else', () => {
    expect(MUTATION_NAMES).toEqual([
      'listing.create',
      'listing.delete',
      'listing.set_status',
      'listing.update',
      'listing.set_hidden',
      'listing.bump',
      'listing.set_liked',
      'draft.update',
      'draft.delete',
      'neighbourhood.set',
      'neighbourhood.verify',
      'chat.send',
      'chat.read',
      'chat.offer',
      'chat.answer_offer',
      'chat.propose_appointment',
      'chat.confirm_appointment',
      'trade.reserve',
      'trade.complete',
      'review.create',
      'block.set',
      'report.create',
      'keyword.add',
      'keyword.remove',
      'notification.read',
      'board.post',
      'board.update',
      'board.delete',
      'board.comment',
      'board.update_comment',
      'board.delete_comment',
      'board.react',
      'business.create',
      'business.update',
      'business.post',
      'business.delete_post',
      'business.follow',
      'business.review',
      'campaign.create',
      'campaign.end',
      'ad.events',
    ]);
    expect(isMutationName('listing.create')).toBe(true);
    expect(isMutationName('neighbourhood.verify')).toBe(true);
    expect(isMutationName('toString')).toBe(false);
    expect(isMutationName('listing.hack')).toBe(false);
  });

  it('trims titles and refuses an empty one', () => {
    const base = { id: crypto.randomUUID(), priceKrw: 1000, category: 'books', description: '', neighbourhoodId: 'kr-bundang-pangyo' };
    expect(mutationArgs['listing.create'].parse({ ...base, title: '  Lamp  ' }).title).toBe('Lamp');
    const empty = mutationArgs['listing.create'].safeParse({ ...base, title: '   ' });
    expect(empty.success).toBe(false);
  });

  it('refuses fractional, negative and absurd prices', () => {
    const base = { id: crypto.randomUUID(), title: 'Lamp', category: 'books', description: '', neighbourhoodId: 'kr-bundang-pangyo' };
    for (const priceKrw of [10.5, -1, 1e12, '1000', null]) {
      expect(mutationArgs['listing.create'].safeParse({ ...base, priceKrw }).success).toBe(false);
    }
  });

  it('needs a neighbourhood id on a listing, not a free-text name', () => {
    const base = { id: crypto.randomUUID(), title: 'Lamp', priceKrw: 1000, category: 'books', description: '' };
    const missing = mutationArgs['listing.create'].safeParse({ ...base, neighbourhood: 'Pangyo-dong' });
    expect(missing.success).toBe(false);
    expect(missing.error?.issues[0]).toMatchObject({ path: ['neighbourhoodId'], message: 'Choose your neighbourhood first' });
    expect(mutationArgs['listing.create'].safeParse({ ...base, neighbourhoodId: '' }).success).toBe(false);
    expect(mutationArgs['listing.create'].safeParse({ ...base, neighbourhoodId: 'x'.repeat(61) }).success).toBe(false);
  });

  it('holds one or two neighbourhoods, each once, with the active one among them', () => {
    const set = mutationArgs['neighbourhood.set'];
    expect(set.safeParse({ held: ['a'], active: 'a' }).success).toBe(true);
    expect(set.safeParse({ held: ['a', 'b'], active: 'b' }).success).toBe(true);
    const message = (v: unknown) => set.safeParse(v).error?.issues[0]?.message;
    expect(message({ held: [], active: 'a' })).toBe('Choose at least one neighbourhood');
    expect(message({ held: ['a', 'b', 'c'], active: 'a' })).toBe('You can hold at most 2 neighbourhoods');
    expect(message({ held: ['a', 'a'], active: 'a' })).toBe('The same neighbourhood is listed twice');
    expect(message({ held: ['a', 'b'], active: 'c' })).toBe('The active neighbourhood must be one you hold');
  });

  it('verifies one named neighbourhood; the fix travels beside the args', () => {
    const verify = mutationArgs['neighbourhood.verify'];
    expect(verify.parse({ neighbourhoodId: 'kr-bundang-sunae' })).toEqual({ neighbourhoodId: 'kr-bundang-sunae' });
    expect(verify.safeParse({}).success).toBe(false);
    expect(verify.safeParse({ neighbourhoodId: '' }).success).toBe(false);
  });

  it('takes a chat message only if it shows something, without invisible characters', () => {
    const send = mutationArgs['chat.send'];
    const base = { id: crypto.randomUUID(), listingId: crypto.randomUUID(), buyerId: 'buyer' };
    expect(send.parse({ ...base, text: ' 안녕하세요\u202e \n' }).text).toBe('안녕하세요');
    for (const text of ['\u200b\u200b', '\u200d', ' \u200c\n\u2060 ']) {
      expect(send.safeParse({ ...base, text }).error?.issues[0].message, JSON.stringify(text)).toBe('Write a message first');
    }
    expect(send.parse({ ...base, text: '👍' }).text).toBe('👍');
  });
});
