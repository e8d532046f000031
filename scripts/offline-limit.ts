// The same-run limit for the offline benchmarks: framework-free pages (static HTML with a small
// plain script on the raw IndexedDB API, no Dexie, no Svelte) that read the feed's first cards, or
// search the saved listings, from the app's own 'dongne' database and draw the same card markup,
// served from the service worker's precache exactly as the app's shell is.
//
// Bench-only: the pages are written into a copy of the built app, and that copy's service worker
// has them added to its precache list. Nothing of them is in web/build, so no visitor ever
// downloads or precaches them; shipping them in web/static would put them in every install.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CATEGORIES } from '@dongne/shared';
import { BUILT_WEB } from '../e2e/support/server.js';

export const LIMIT_FEED = '/bench-limit/feed.html';
export const LIMIT_SEARCH = '/bench-limit/search.html';
/** An external script, as the app's own: the server's Content-Security-Policy allows no other inline script. */
const LIMIT_SCRIPT = '/bench-limit/limit.js';

/** The category tile colours of ListingThumb.svelte. */
const HUES: Record<string, number> = {
  digital: 210, furniture: 30, kids: 340, clothing: 260, books: 190, sports: 120,
  beauty: 320, household: 45, pets: 20, plants: 140, tickets: 280, free: 5,
};

/** A copy of `webDir` with the limit pages in it and precached by its service worker; `dispose` deletes it. */
export function webDirWithLimit(webDir = BUILT_WEB): { dir: string; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'dongne-bench-web-'));
  cpSync(webDir, dir, { recursive: true });
  mkdirSync(join(dir, 'bench-limit'));
  writeFileSync(join(dir, LIMIT_FEED), page('feed'));
  writeFileSync(join(dir, LIMIT_SEARCH), page('search'));
  writeFileSync(join(dir, LIMIT_SCRIPT), pageScript());
  // The worker's precache list of static files ends with the web manifest (SvelteKit's `files`).
  const worker = join(dir, 'service-worker.js');
  const source = readFileSync(worker, 'utf8');
  const marker = '`/manifest.webmanifest`';
  if (source.split(marker).length !== 2) throw new Error('cannot find the precache list in service-worker.js to add the limit pages to');
  writeFileSync(worker, source.replace(marker, `${marker},\`${LIMIT_FEED}\`,\`${LIMIT_SEARCH}\`,\`${LIMIT_SCRIPT}\``));
  // The build's compressed copies of the worker would be served in its place (the server sends a
  // file's .br or .gz when the browser takes it): without them, the copy changed here is the one served.
  rmSync(`${worker}.br`, { force: true });
  rmSync(`${worker}.gz`, { force: true });
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The whole page: the card styles of ListingCard, ListingThumb and StatusBadge, and the script. */
function page(kind: 'feed' | 'search'): string {
  const body =
    kind === 'feed'
      ? '<ul class="listing-grid" data-testid="feed"></ul>'
      : `<form role="search"><input type="search" aria-label="Search listings" maxlength="60" />
<button type="submit">Search</button>
<select aria-label="Category"><option value="">All categories</option>${CATEGORIES.map((c) => `<option value="${c.id}">${c.emoji} ${c.label}</option>`).join('')}</select></form>
<p data-testid="search-summary"></p><ul class="listing-grid" data-testid="search-results"></ul>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>limit</title>
<style>
body { margin: 0; font-family: system-ui, sans-serif; color: #212529; }
.listing-grid { list-style: none; margin: 0; padding: 0 1rem; }
.card { display: flex; gap: 1rem; padding: 1rem 0; border-bottom: 1px solid #e9ecef; color: inherit; text-decoration: none; }
.cover { flex: none; width: 6.5rem; height: 6.5rem; border-radius: 0.75rem; overflow: hidden; }
.thumb { display: grid; place-items: center; width: 100%; height: 100%; font-size: 3rem;
  background: linear-gradient(135deg, hsl(var(--hue) 70% 92%), hsl(var(--hue) 60% 82%)); }
.body { min-width: 0; display: flex; flex-direction: column; gap: 0.2rem; }
h3 { margin: 0; font-size: 1rem; font-weight: 500; line-height: 1.4; display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; }
.meta { margin: 0; color: #6c757d; font-size: 0.8rem; }
.price { margin: 0.15rem 0 0; font-weight: 700; }
.badge { display: inline-block; font-size: 0.75em; font-weight: 700; padding: 0.05em 0.45em; border-radius: 0.3em; margin-right: 0.35em; color: #fff; background: #495057; }
.likes { align-self: flex-end; margin-left: auto; color: #6c757d; font-size: 0.8rem; }
</style></head>
<body data-kind="${kind}">${body}
<script src="${LIMIT_SCRIPT}"></script></body></html>`;
}

function pageScript(): string {
  const categories = Object.fromEntries(CATEGORIES.map((c) => [c.id, { emoji: c.emoji, label: c.label, hue: HUES[c.id] ?? 30 }]));
  // tsx names functions with __name(); the page has no such helper.
  return `const __name = (f) => f;
${script.toString()}
script(document.body.dataset.kind, ${JSON.stringify(categories)});
`;
}

/**
 * The page's script, run in the browser (serialised with toString: no imports, no closures). The
 * feed: the area's places as feedPage() finds them, then one newest-first walk of the bumpedAt
 * index until `CARDS` rows pass the same filter. Search: every listing of those places, the same
 * matching rule as searchLocally(), newest first, the first screenful drawn.
 */
function script(kind: 'feed' | 'search', categories: Record<string, { emoji: string; label: string; hue: number }>) {
  const CARDS = 20;
  const FIRST_SCREENFUL = 8;
  type Row = {
    id: string; title: string; description: string; category: string; neighbourhood: string; neighbourhoodId: string;
    sellerId: string; status: string; hidden: boolean; priceKrw: number; bumpedAt: number; lastBumpedAt: number | null; likeCount: number;
  };
  const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const price = (won: number) => (won === 0 ? 'Free' : `₩${String(won).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`);
  const ago = (at: number) => {
    const hours = Math.round((Date.now() - at) / 3600_000);
    return hours < 24 ? `${hours} hours ago` : `${Math.round(hours / 24)} days ago`;
  };
  const card = (l: Row) => {
    const c = categories[l.category] ?? categories.free;
    const when = ago(l.bumpedAt);
    return `<li><a class="card" href="/listings/${l.id}" data-testid="listing-card"><span class="cover"><div class="thumb" style="--hue: ${c.hue}" role="img" aria-label="${c.label}"><span>${c.emoji}</span></div></span><div class="body"><h3>${l.status === 'selling' ? '' : `<span class="badge">${l.status}</span>`}${escape(l.title)}</h3><p class="meta">${escape(l.neighbourhood)} · ${l.lastBumpedAt != null ? `Bumped ${when}` : when}</p><p class="price">${price(l.priceKrw)}</p></div>${l.likeCount > 0 ? `<span class="likes">♥ ${l.likeCount}</span>` : ''}</a></li>`;
  };
  const request = <T,>(r: IDBRequest<T>) => new Promise<T>((resolve, reject) => ((r.onsuccess = () => resolve(r.result)), (r.onerror = () => reject(r.error))));

  /** The area's places and who is hidden, as currentScope(), placesIn() and hiddenSellerIds() read them. */
  async function area(tx: IDBTransaction) {
    const meta = tx.objectStore('meta');
    const [hidden, profile, range, fallback] = await Promise.all(
      ['hiddenSellerIds', 'profile', 'range', 'defaultScope'].map((key) => request(meta.get(key)).then((row) => row?.value)),
    );
    const active = profile?.neighbourhoods.find((n: { active: boolean }) => n.active);
    const scope = active ? { neighbourhoodId: active.id, range: range ?? 4 } : fallback;
    const place = scope && (await request(tx.objectStore('neighbourhoods').get(scope.neighbourhoodId)));
    const hiddenSellers = new Set<string>(hidden ?? []);
    return { places: place?.neighbours?.[scope.range] as string[] | undefined, shown: (l: Row) => !l.hidden && !hiddenSellers.has(l.sellerId) };
  }

  const opened = new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open('dongne');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });

  if (kind === 'feed') {
    void opened.then(async (db) => {
      const tx = db.transaction(['meta', 'neighbourhoods', 'listings']);
      const { places, shown } = await area(tx);
      const inArea = places ? new Set(places) : undefined;
      const rows: Row[] = [];
      const walk = tx.objectStore('listings').index('bumpedAt').openCursor(null, 'prev');
      await new Promise<void>((resolve) => {
        walk.onsuccess = () => {
          const cursor = walk.result;
          if (!cursor) return resolve();
          const l = cursor.value as Row;
          if ((!inArea || inArea.has(l.neighbourhoodId)) && shown(l)) rows.push(l);
          if (rows.length >= CARDS) return resolve();
          cursor.continue();
        };
      });
      document.querySelector('[data-testid="feed"]')!.innerHTML = rows.map(card).join('');
    });
    return;
  }

  const form = document.querySelector('form')!;
  const input = form.querySelector('input')!;
  const button = form.querySelector('button')!;
  const category = form.querySelector('select')!;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    button.disabled = true;
    const words = input.value.trim().toLowerCase().split(/\s+/).filter(Boolean).slice(0, 5);
    const db = await opened;
    const tx = db.transaction(['meta', 'neighbourhoods', 'listings']);
    const { places, shown } = await area(tx);
    const byPlace = tx.objectStore('listings').index('neighbourhoodId');
    const candidates = places ? (await Promise.all(places.map((p) => request(byPlace.getAll(p))))).flat() : await request(tx.objectStore('listings').getAll());
    const found = (candidates as Row[])
      .filter((l) => {
        const text = `${l.title}\n${l.description}`.toLowerCase();
        return shown(l) && words.every((w) => text.includes(w)) && (!category.value || l.category === category.value) && l.status !== 'sold';
      })
      .sort((a, b) => b.bumpedAt - a.bumpedAt);
    document.querySelector('[data-testid="search-summary"]')!.textContent = `${found.length} results saved on this device (offline)`;
    document.querySelector('[data-testid="search-results"]')!.innerHTML = found.slice(0, FIRST_SCREENFUL).map(card).join('');
    button.disabled = false;
  });
}
