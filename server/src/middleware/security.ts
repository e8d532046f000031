// Browser-facing hardening: security headers with a Content-Security-Policy that allows exactly the
// app's own scripts, and a same-origin check on every state-changing API request (CSRF).
import type { MiddlewareHandler } from 'hono';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { errorBody } from '../http/http-errors.js';

/** sha256 sources for the inline bootstrap scripts SvelteKit writes into the app shell. */
function inlineScriptHashes(webDir: string | undefined): string[] {
  const shell = webDir && join(webDir, 'index.html');
  if (!shell || !existsSync(shell)) return [];
  const html = readFileSync(shell, 'utf8');
  return [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
    ([, body]) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`,
  );
}

export function securityHeaders(webDir?: string, publicOrigin?: string): MiddlewareHandler {
  const https = publicOrigin?.startsWith('https:') ?? false;
  const csp = [
    "default-src 'self'",
    // No 'unsafe-inline' for scripts: only our files and the shell's own bootstrap, by hash.
    `script-src 'self' ${inlineScriptHashes(webDir).join(' ')}`.trim(),
    // Inline styles are allowed: each component adds its styles as a <style> element (Svelte's
    // css: 'injected'), Svelte sets a few style attributes (a category's hue), the shell carries the
    // frame's stylesheet inline, and both paintings (a shared listing, the feed as it
    // last stood) bring theirs. Scripts stay by hash only.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
  return async (c, next) => {
    await next();
    c.header('Content-Security-Policy', csp);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('X-Frame-Options', 'DENY');
    c.header('Referrer-Policy', 'strict-origin-when-cross-origin');
    c.header('Permissions-Policy', 'geolocation=(self), camera=(self), microphone=()');
    c.header('Cross-Origin-Opener-Policy', 'same-origin');
    // Served over HTTPS: browsers must never fall back to plain HTTP (and expose the cookie).
    if (https || new URL(c.req.url).protocol === 'https:') c.header('Strict-Transport-Security', 'max-age=31536000');
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses state-changing requests that a browser marks as coming from anywhere but the site itself.
 * Both marks must pass: Sec-Fetch-Site, when sent, must be same-origin or none (typed or bookmarked),
 * and Origin, when sent, must be the site's own origin exactly: scheme, host and port, so an http
 * page cannot write to the https site, nor another port on the same host. The site's origin is the
 * configured public one (behind a TLS proxy requests arrive as plain http to an internal address),
 * else the request's own. Clients that send neither header (curl, other servers) carry no ambient
 * cookies of our users, so they are not a CSRF risk and pass. WebSocket upgrades are checked like
 * writes: a browser opens one from any page, with our cookies, and the same-origin policy does not
 * apply to it.
 */
export function sameOriginWrites(publicOrigin?: string): MiddlewareHandler {
  const configured = publicOrigin === undefined ? undefined : new URL(publicOrigin).origin;
  return async (c, next) => {
    const websocket = c.req.header('upgrade')?.toLowerCase() === 'websocket';
    if (SAFE_METHODS.has(c.req.method) && !websocket) return next();
    const site = c.req.header('sec-fetch-site');
    const origin = c.req.header('origin');
    const ownOrigin = configured ?? new URL(c.req.url).origin;
    const siteOk = site === undefined || site === 'same-origin' || site === 'none';
    const originOk = origin === undefined || originOf(origin) === ownOrigin;
    if (!siteOk || !originOk) {
      const message = websocket ? 'The live channel opens only from the Dongne app itself.' : 'Requests that change data must come from the Dongne app itself.';
      return c.json(errorBody('csrf.cross_origin', message), 403);
    }
    return next();
  };
}

/** The serialised origin of an Origin header ("null" and garbage have none). */
function originOf(header: string): string | undefined {
  try {
    const origin = new URL(header).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}
