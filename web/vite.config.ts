import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';
import { paraglideOptions } from './paraglide-options.js';
import { syncWorkerEntry } from './build-plugins/sync-worker-entry.js';

export default defineConfig({
  plugins: [paraglideVitePlugin(paraglideOptions(import.meta.dirname)), syncWorkerEntry(), sveltekit()],
  build: {
    rolldownOptions: {
      output: {
        // The libraries every screen runs on (Svelte, SvelteKit's client, the icons' base) in one
        // file: many small shared chunks cost more gzipped than they save. zod apart, in a file
        // of its own: the first screen reads nothing with it (left to the bundler, it shared a file
        // with the app's common code, and came along on every first visit).
        codeSplitting: {
          groups: [
            { name: 'zod', test: /node_modules[\\/]zod[\\/]/ },
            // The replica's modules apart from them: Dexie, the database's schema and the API client.
            // The sync worker loads this file too, as it is (it is an entry of this same build), and
            // none of the page's framework.
            {
              name: 'replica',
              test: /node_modules[\\/]dexie[\\/]|src[\\/]lib[\\/](db[\\/](db|meta|scope)|api[\\/]api-client|sync[\\/](sync-deps|local-mutation-signal))\.ts$/,
            },
            { name: 'framework', test: /node_modules[\\/](svelte|@sveltejs[\\/]kit|clsx|@lucide[\\/]svelte[\\/]dist[\\/](utils|context|Icon))/ },
            // The icons of the app's frame and of a listing card, which every screen shows.
            {
              name: 'framework',
              test: /@lucide[\\/]svelte[\\/]dist[\\/]icons[\\/](house|newspaper|circle-plus|shopping-bag|map-pin|circle-user|search|message-circle|plus|clock|eye-off|heart|image-off)\.svelte/,
            },
            // Every other icon in one file (~4 KB gzipped, loaded with the first screen that shows
            // one): left to the bundler each was a file of its own of a few hundred bytes, a request
            // apiece. A group listed earlier takes a module first. The first-run screen's own three
            // stay apart, so a new person's first visit loads only them.
            { name: 'icons', test: /@lucide[\\/]svelte[\\/]dist[\\/]icons[\\/](?!(wifi-off|badge-check|shield-check)\.svelte)/ },
            // The app's own modules the first screen needs, which nearly every screen shares.
            {
              name: 'shell',
              test: /src[\\/]lib[\\/](db[\\/]queries|format[\\/](price|time)|i18n[\\/](locale|labels)|first-run[\\/]first-run|sync[\\/]sync-status\.svelte)\.ts$/,
            },
          ],
        },
      },
    },
  },
  server: {
    // `npm run dev` talks to a server started with `npm run serve` on the default port. The Host
    // header stays the dev server's, so the API sees the page's own origin (its same-origin check
    // compares scheme, host and port; passkeys are bound to that host too).
    proxy: { '/api': { target: `http://localhost:${process.env.PORT ?? 8080}`, changeOrigin: false } },
  },
});
