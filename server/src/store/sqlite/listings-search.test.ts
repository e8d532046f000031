// Search in the store: words of every length found through the right index, kept in step with
// edits, and the pairs index filled in for listings written before it existed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ensureDemoNeighbourhoods } from '../../services/neighbourhood-setup.js';
import { tempDir } from '../../testing/harness.js';
import { openSqliteStore, type SqliteStore } from './sqlite-store.js';

const SUNAE = 'kr-3102353';
let temp: ReturnType<typeof tempDir>;
let file: string;
let store: SqliteStore;

beforeEach(async () => {
  temp = tempDir();
  file = join(temp.dir, 'dongne.sqlite');
  store = openSqliteStore(file);
  await ensureDemoNeighbourhoods(store);
  await store.actors.insert({ id: 'seller', nickname: 'Seller', createdAt: 0 });
});
afterEach(async () => {
  if (store.db.open) await store.close();
  temp.remove();
});

let at = 0;
async function add(title: string, description = '') {
  const id = crypto.randomUUID();
  await store.listings.insert({
    id,
    sellerId: 'seller',
    title,
    description,
    priceKrw: 1000,
    category: 'furniture',
    neighbourhood: 'Sunae 1-dong',
    neighbourhoodId: SUNAE,
    createdAt: ++at,
    changeSeq: await store.sync.nextChangeSeq(),
  });
  return id;
}
const titlesFor = async (q: string) => (await store.listings.search(q.split(' '), [SUNAE], {}, 50)).map((l) => l.title);

describe('search by words of each length', () => {
  it('finds a two-character Korean word inside longer text, and only where it is', async () => {
    await add('원목 책상 팝니다');
    await add('책상스탠드 나눔');
    await add('의자', '책 한 권');
    expect(await titlesFor('책상')).toEqual(['책상스탠드 나눔', '원목 책상 팝니다']);
    expect(await titlesFor('의자')).toEqual(['의자']);
    expect(await titlesFor('책상 원목')).toEqual(['원목 책상 팝니다']);
  });

  it('still finds one-character words and two-character words with punctuation', async () => {
    await add('Size M coat', 'Worn twice.');
    await add('Lamp', 'Version 3.1 of the app.');
    expect(await titlesFor('m')).toContain('Size M coat');
    expect(await titlesFor('3.')).toEqual(['Lamp']);
  });

  it('follows an edit: the old words are gone, the new ones found', async () => {
    const id = await add('원목 책상');
    await store.listings.update(
      id,
      { title: '철제 의자', description: '', priceKrw: 1000, category: 'furniture', acceptsOffers: false, meetingSpot: '', photos: [] },
      ++at,
      await store.sync.nextChangeSeq(),
    );
    expect(await titlesFor('책상')).toEqual([]);
    expect(await titlesFor('의자')).toEqual(['철제 의자']);
  });

  it('indexes listings written before the pairs index existed when the store next opens', async () => {
    await add('원목 책상');
    store.db.exec('DELETE FROM listings_bigrams');
    expect(await titlesFor('책상')).toEqual([]);
    await store.close();
    store = openSqliteStore(file);
    expect(await titlesFor('책상')).toEqual(['원목 책상']);
  });
});
