import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
export default {
  preprocess: vitePreprocess(),
  kit: {
    // A single-page app: every route renders in the browser from IndexedDB, so one fallback page
    // serves them all, online or (from the service worker's precache) offline.
    // Each file is also written brotli- and gzip-compressed, once, at build: the server sends those
    // as they are instead of compressing every request (a first visit's precache is ~140 files).
    adapter: adapter({ fallback: 'index.html', strict: false, precompress: true }),
    // workbox-window registers the worker so it can drive the install and update prompts.
    serviceWorker: { register: false },
  },
};
