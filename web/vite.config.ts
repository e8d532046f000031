import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';
import { paraglideOptions } from './paraglide-options.js';

export default defineConfig({
  plugins: [paraglideVitePlugin(paraglideOptions(import.meta.dirname)), sveltekit()],
  server: {
    // `npm run dev` talks to a server started with `npm run serve` on the default port. The Host
    // header stays the dev server's, so the API sees the page's own origin (its same-origin check
    // compares scheme, host and port; passkeys are bound to that host too).
    proxy: { '/api': { target: `http://localhost:${process.env.PORT ?? 8080}`, changeOrigin: false } },
  },
});
