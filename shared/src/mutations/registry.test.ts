import { describe, expect, it } from 'vitest';
import { isMutationName, mutationArgs, MUTATION_NAMES } from './index.js';

describe('mutation registry', () => {
  it('knows each declared mutation and nothing else', () => {
    expect(MUTATION_NAMES).toEqual(['listing.create', 'listing.delete']);
    expect(isMutationName('listing.create')).toBe(true);
    expect(isMutationName('toString')).toBe(false);
    expect(isMutationName('listing.hack')).toBe(false);
  });

  it('trims titles and refuses an empty one', () => {
    const base = { id: crypto.randomUUID(), priceKrw: 1000, category: 'books', description: '', neighbourhood: 'Pangyo-dong' };
    expect(mutationArgs['listing.create'].parse({ ...base, title: '  Lamp  ' }).title).toBe('Lamp');
    const empty = mutationArgs['listing.create'].safeParse({ ...base, title: '   ' });
    expect(empty.success).toBe(false);
  });

  it('refuses fractional, negative and absurd prices', () => {
    const base = { id: crypto.randomUUID(), title: 'Lamp', category: 'books', description: '', neighbourhood: 'Pangyo-dong' };
    for (const priceKrw of [10.5, -1, 1e12, '1000', null]) {
      expect(mutationArgs['listing.create'].safeParse({ ...base, priceKrw }).success).toBe(false);
    }
  });
});
