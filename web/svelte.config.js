import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
export default {
  preprocess: vitePreprocess(),
  // Each component's styles travel inside its JavaScript rather than in a stylesheet of their own:
  // the service worker's first install precaches every file of the app one request at a time, and
  // 49 of its 221 files were small stylesheets (the first visit's JavaScript grows by ~3 KB gzipped).
  compilerOptions: { css: 'injected' },
  kit: {
    // A single-page app: every route renders in the browser from IndexedDB, so one fallback page
    // serves them all, online or (from the service worker's precache) offline.
    // Each file is also written brotli- and gzip-compressed, once, at build: the server sends those
    // as they are instead of compressing every request (a first visit's precache is ~170 files).
    adapter: adapter({ fallback: 'index.html', strict: false, precompress: true }),
    // The frame's stylesheet (app.css, ~3 KB gzipped) goes inside the shell: one
    // render-blocking request fewer on a first visit, and after a browser start the shell paints
    // without waiting for the service worker to answer for it.
    inlineStyleThreshold: 20_000,
    // workbox-window registers the worker so it can drive the install and update prompts.
    serviceWorker: { register: false },
  },
};
