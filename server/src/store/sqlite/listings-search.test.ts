// Search in the store: words of every length found through the right index, kept in step with
// edits, and the pairs index filled in for listings written before it existed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ensureDemoNeighbourhoods } from '../services/neighbourhood-import.js';
import { tempDir } from '../testing/harness.js';
import { openStore, type Store } from './store.js';

const SUNAE = 'kr-bundang-sunae';
let temp: ReturnType<typeof tempDir>;
let file: string;
let store: Store;

beforeEach(() => {
  temp = tempDir();
  file = join(temp.dir, 'dongne.sqlite');
  store = openStore(file);
  ensureDemoNeighbourhoods(store);
  store.actors.insert({ id: 'seller', nickname: 'Seller', tokenHash: null, createdAt: 0 });
});
afterEach(() => {
  if (store.db.open) store.close();
  temp.remove();
});

let at = 0;
function add(title: string, description = '') {
  const id = crypto.randomUUID();
  store.listings.insert({
    id,
    sellerId: 'seller',
    title,
    description,
    priceKrw: 1000,
    category: 'furniture',
    neighbourhood: 'Sunae-dong',
    neighbourhoodId: SUNAE,
    createdAt: ++at,
    changeSeq: store.sync.nextChangeSeq(),
  });
  return id;
}
const titlesFor = (q: string) => store.listings.search(q.split(' '), [SUNAE], {}, 50).map((l) => l.title);

describe('search by words of each length', () => {
  it('finds a two-character Korean word inside longer text, and only where it is', () => {
    add('원목 책상 팝니다');
    add('책상스탠드 나눔');
    add('의자', '책 한 권');
    expect(titlesFor('책상')).toEqual(['책상스탠드 나눔', '원목 책상 팝니다']);
    expect(titlesFor('의자')).toEqual(['의자']);
    expect(titlesFor('책상 원목')).toEqual(['원목 책상 팝니다']);
  });

  it('still finds one-character words and two-character words with punctuation', () => {
    add('Size M coat', 'Worn twice.');
    add('Lamp', 'Version 3.1 of the app.');
    expect(titlesFor('m')).toContain('Size M coat');
    expect(titlesFor('3.')).toEqual(['Lamp']);
  });

  it('follows an edit: the old words are gone, the new ones found', () => {
    const id = add('원목 책상');
    store.listings.update(
      id,
      { title: '철제 의자', description: '', priceKrw: 1000, category: 'furniture', acceptsOffers: false, meetingSpot: '', photos: [] },
      ++at,
      store.sync.nextChangeSeq(),
    );
    expect(titlesFor('책상')).toEqual([]);
    expect(titlesFor('의자')).toEqual(['철제 의자']);
  });

  it('indexes listings written before the pairs index existed when the store next opens', () => {
    add('원목 책상');
    store.db.exec('DELETE FROM listings_bigrams');
    expect(titlesFor('책상')).toEqual([]);
    store.close();
    store = openStore(file);
    expect(titlesFor('책상')).toEqual(['원목 책상']);
  });
});
