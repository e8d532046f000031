import { neighbourhoodLabel } from '@dongne/shared';
import { openStore } from '../server/src/store/store.js';
import { ensureDemoNeighbourhoods } from '../server/src/services/neighbourhood-import.js';
import { existsSync } from 'node:fs';
import { SELLERS, HISTORY_MS, seededRandom, sellerId, sellerName, syntheticListings } from './bench-listings.js';
const file = '/tmp/dongne-analyse.sqlite';
const fresh = !existsSync(file);
const store = openStore(file);
ensureDemoNeighbourhoods(store);
if (fresh) {
  const random = seededRandom(3);
  const now = Date.now();
  const places = store.neighbourhoods.all().map((row) => ({ id: row.id, label: neighbourhoodLabel(row) }));
  const listings = syntheticListings(100_000, places, now, random);
  store.transaction(() => {
    for (let n = 0; n < SELLERS; n++) store.actors.insert({ id: sellerId(n), nickname: sellerName(n), tokenHash: null, createdAt: now - HISTORY_MS });
    const next = () => store.sync.nextChangeSeq();
    for (const listing of listings) {
      store.listings.insert({ ...listing, changeSeq: next() });
      if (listing.status !== 'selling') store.listings.setStatus(listing.id, listing.status, listing.updatedAt, next());
      if (listing.hidden) store.listings.setHidden(listing.id, true, listing.updatedAt, next());
      if (listing.bumpedAt !== listing.createdAt) store.listings.bump(listing.id, listing.bumpedAt, next());
    }
  });
}
const db = store.db;
console.log('per place', db.prepare('select neighbourhood_id, count(*) c from listings group by 1 order by 2 desc limit 3').all());
const r1 = store.neighbourhoods.neighbourIds('kr-bundang-sunae', 1), r4 = store.neighbourhoods.neighbourIds('kr-bundang-sunae', 4);
function t(label: string, words: string[], places: string[], filters: any) {
  store.listings.search(words, places, filters, 50);
  const times: number[] = [];
  let n = 0;
  for (let i = 0; i < 15; i++) { const s = performance.now(); n = store.listings.search(words, places, filters, 50).length; times.push(performance.now() - s); }
  times.sort((a, b) => a - b);
  console.log(label.padEnd(40), 'median', times[7].toFixed(2), 'max', times[14].toFixed(2), 'n', n);
}
for (const [w, cat] of [['의자','furniture'], ['텐트','sports'], ['패딩','clothing'], ['자전거','kids'], ['chair','furniture'], ['lego','kids']] as const) {
  for (const [rl, pl] of [['r1', r1], ['r4', r4]] as const) {
    t(`${w} ${rl}`, [w], pl, { hideSold: true });
    t(`${w} ${rl} cat`, [w], pl, { hideSold: true, category: cat });
    t(`${w} ${rl} price`, [w], pl, { hideSold: true, minPrice: 10000, maxPrice: 100000 });
  }
}
