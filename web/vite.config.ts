import { defineConfig } from 'vite';

// The web app builds to static files served by `dateline serve`; no CDN, nothing fetched at run time.
export default defineConfig({
  root: new URL('.', import.meta.url).pathname,
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
  server: { proxy: { '/api': 'http://127.0.0.1:8787' } },
});
