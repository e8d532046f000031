import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { createTestServer, tempDir, type TestServer } from './testing/harness.js';

const ROBOTS = resolve(fileURLToPath(new URL('../../web/static/robots.txt', import.meta.url)));
const SHELL = '<!doctype html><title>Dongne</title>';
/** Big enough to be worth compressing (Hono's compress() skips bodies under 1 KB). */
const SCRIPT = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `word ${i}`))};`;

describe('serving the built app', () => {
  let web: ReturnType<typeof tempDir>;
  let server: TestServer;

  beforeEach(async () => {
    web = tempDir('dongne-web-');
    mkdirSync(join(web.dir, '_app/immutable/chunks'), { recursive: true });
    mkdirSync(join(web.dir, 'icons'));
    writeFileSync(join(web.dir, 'icons/icon-192.png'), Buffer.from('89504e470d0a1a0a', 'hex'));
    writeFileSync(join(web.dir, 'index.html'), SHELL);
    writeFileSync(join(web.dir, '_app/immutable/chunks/app.abc123.js'), SCRIPT);
    copyFileSync(ROBOTS, join(web.dir, 'robots.txt'));
    server = await createTestServer({ webDir: web.dir });
  });

  afterEach(async () => {
    await server.close();
    web.remove();
  });

  it('serves robots.txt as plain text that every crawler may read, revalidated on each fetch', async () => {
    const response = await server.app.request('/robots.txt');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toBe(readFileSync(ROBOTS, 'utf8'));
  });

  it('has a robots.txt that lets crawlers see the screens and not the API', () => {
    const lines = readFileSync(ROBOTS, 'utf8').split('\n').map((line) => line.trim()).filter((line) => line && !line.startsWith('#'));
    for (const line of lines) expect(line, line).toMatch(/^(User-agent|Allow|Disallow|Sitemap): \S+$/);
    expect(lines).toEqual(['User-agent: *', 'Allow: /', 'Disallow: /api/']);
  });

  it('answers a screen of the app with the shell, and a missing file with a 404 that nothing keeps', async () => {
    for (const path of ['/', '/listings/00000000-0000-4000-8000-000000000001', '/search?q=%EC%9D%98%EC%9E%90']) {
      const response = await server.app.request(path);
      expect(response.status, path).toBe(200);
      expect(await response.text(), path).toBe(SHELL);
    }
    for (const path of ['/sitemap.xml', '/favicon.ico', '/_app/immutable/chunks/gone.123.js']) {
      const response = await server.app.request(path);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).not.toContain('<title>Dongne</title>');
      expect(response.headers.get('cache-control'), path).toBeNull();
    }
  });

  it('answers a second ask for the shell or an icon with a 304 and no body, still to be revalidated', async () => {
    for (const path of ['/', '/listings/00000000-0000-4000-8000-000000000001', '/icons/icon-192.png', '/robots.txt']) {
      const first = await server.app.request(path);
      const tag = first.headers.get('etag');
      expect(tag, path).toMatch(/^"[0-9a-f]+"$/);
      const again = await server.app.request(path, { headers: { 'if-none-match': tag! } });
      expect(again.status, path).toBe(304);
      expect(await again.text(), path).toBe('');
      expect(again.headers.get('cache-control'), path).toBe('no-cache');
    }
    const changed = await server.app.request('/icons/icon-192.png', { headers: { 'if-none-match': '"an-older-icon"' } });
    expect(changed.status).toBe(200);
  });

  it('gzips a script for a browser that takes gzip, and sends it as it is to one that does not', async () => {
    const gzipped = await server.app.request('/_app/immutable/chunks/app.abc123.js', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(gzipped.headers.get('content-encoding')).toBe('gzip');
    expect(gzipped.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(gzipped.headers.get('cache-control')).toContain('immutable');
    const bytes = Buffer.from(await gzipped.arrayBuffer());
    expect(bytes.length).toBeLessThan(SCRIPT.length / 2);
    expect(gunzipSync(bytes).toString()).toBe(SCRIPT);

    const plain = await server.app.request('/_app/immutable/chunks/app.abc123.js', { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(SCRIPT);
  });

  it('sends the brotli or gzip file the build wrote beside a script as it is, to a browser that takes it', async () => {
    const file = join(web.dir, '_app/immutable/chunks/app.abc123.js');
    writeFileSync(`${file}.br`, brotliCompressSync(SCRIPT));
    writeFileSync(`${file}.gz`, gzipSync(SCRIPT, { level: 9 }));
    const ask = (encodings: string) => server.app.request('/_app/immutable/chunks/app.abc123.js', { headers: { 'accept-encoding': encodings } });

    const br = await ask('gzip, deflate, br');
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('content-type')).toMatch(/javascript/);
    expect(br.headers.get('cache-control')).toContain('immutable');
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(SCRIPT);

    const gz = await ask('gzip');
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(SCRIPT);

    expect(await (await ask('identity')).text()).toBe(SCRIPT);
  });
});
