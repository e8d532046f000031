import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [sveltekit()],
  server: {
    // `npm run dev` talks to a server started with `npm run serve` on the default port.
    proxy: { '/api': `http://localhost:${process.env.PORT ?? 8080}` },
  },
});
