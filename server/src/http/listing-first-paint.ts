// A shared listing's first visit: someone taps a link in a chat app, on a phone, on a slow network.
// The app is a single-page app whose screens render in the browser, so the shell alone paints
// nothing until its scripts have loaded and the listing's answer has come (2.4 s to first paint on
// Lighthouse's slow 4G). The server knows the listing, so it writes its photo, title, place and
// price into the shell: the browser paints them from the HTML and fetches the photo while the app
// loads, and link previews (Open Graph) show the thing too. The app removes the painting once its
// own screen stands (web/src/lib/first-paint/first-paint.ts). Only a public listing, only to a visitor: what a
// signed-in person may see depends on their blocks, which the app's own answer accounts for.
import { FIRST_PAINT_ID, idParamsSchema, joinedLabelIn, mediaPath, priceIn, type Listing } from '@dongne/shared';
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { html } from 'hono/html';
import { existsSync, readFileSync } from 'node:fs';
import { SESSION_COOKIE, type AppEnv } from '../app-env.js';

export type ShellLanguage = 'ko' | 'en';

/** Korean when the browser prefers it over English, as the app's own choice of language does. */
export function shellLanguage(acceptLanguage: string | undefined): ShellLanguage {
  const preferred = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag, q: q ? Number(q.slice(2)) : 1 };
    })
    .filter(({ tag, q }) => (tag.startsWith('ko') || tag.startsWith('en')) && q > 0)
    .sort((a, b) => b.q - a.q)[0];
  return preferred?.tag.startsWith('ko') ? 'ko' : 'en';
}

const DESCRIPTION_CHARS = 140;

function shortened(text: string): string {
  // By code point, so an emoji is never cut in half.
  const flat = Array.from(text.replace(/\s+/g, ' ').trim());
  return flat.length <= DESCRIPTION_CHARS ? flat.join('') : `${flat.slice(0, DESCRIPTION_CHARS - 1).join('')}…`;
}

/**
 * The shell with `listing` painted in. `origin` makes the preview image's address absolute, as link
 * previews need. Returns the shell unchanged if it lacks the marks this relies on.
 */
export function withListingFirstPaint(shell: string, listing: Listing, language: ShellLanguage, origin: string): string {
  const place = joinedLabelIn(listing.neighbourhood, language);
  const price = priceIn(listing.priceKrw, language === 'ko' ? 'ko-KR' : 'en-US');
  const description = shortened(`${price} · ${place}. ${listing.description}`);
  const photo = listing.photos[0];
  const title = `${listing.title} — Dongne`;
  const head = html`<title>${title}</title>
    <meta name="description" content="${description}" />
    <meta property="og:type" content="website" />
    <meta property="og:site_name" content="Dongne 동네" />
    <meta property="og:title" content="${listing.title}" />
    <meta property="og:description" content="${description}" />
    <meta property="og:url" content="${`${origin}/listings/${listing.id}`}" />
    ${photo ? html`<meta property="og:image" content="${origin + mediaPath(photo.full)}" />` : ''}`;
  const painting = html`<div id="${FIRST_PAINT_ID}" class="first-paint">
      <div class="first-paint-listing">
        ${photo ? html`<img class="first-paint-photo" src="${mediaPath(photo.full)}" alt="" width="4" height="3" fetchpriority="high" />` : html`<div></div>`}
        <div class="first-paint-text">
          <h1 class="first-paint-title">${listing.title}</h1>
          <p class="first-paint-place">${place}</p>
          <p class="first-paint-price">${price}</p>
        </div>
      </div>
    </div>`;
  const withLang = shell.replace(/<html lang="[^"]*"/, `<html lang="${language}"`);
  const titled = withLang.replace(/<title>[^<]*<\/title>/, '').replace(/<meta name="description"[^>]*>/, '');
  if (titled === withLang || !/<body[^>]*>/.test(titled)) return shell;
  // Replaced by functions: a string replacement would read `$&`, `$'` and the like in a seller's
  // words as patterns.
  return titled.replace('</head>', () => `${String(head)}\n  </head>`).replace(/<body[^>]*>/, (body) => `${body}\n    ${String(painting)}`);
}

/**
 * GET /listings/:id: a visitor's first visit to a public listing gets the shell (`shellFile`, read
 * once: a deploy restarts the server, as the CSP's script hashes already need) with the listing
 * painted in; anyone else, and any other listing, the plain shell from the handlers after this one.
 */
export function listingFirstPaint(
  shellFile: string,
  listings: { publicListing(id: string): Promise<Listing | undefined> },
  publicOrigin: string | undefined,
): MiddlewareHandler<AppEnv> {
  const shell = existsSync(shellFile) ? readFileSync(shellFile, 'utf8') : undefined;
  return async (c, next) => {
    // What comes back depends on the language asked for and on being signed in: a cache must keep
    // one copy per both.
    c.header('Vary', 'Accept-Language, Cookie', { append: true });
    const id = idParamsSchema.safeParse(c.req.param());
    if (!shell || !id.success || getCookie(c, SESSION_COOKIE)) return next();
    const listing = await listings.publicListing(id.data.id);
    if (!listing) return next();
    const origin = new URL(publicOrigin ?? c.req.url).origin;
    return c.html(withListingFirstPaint(shell, listing, shellLanguage(c.req.header('accept-language')), origin));
  };
}
