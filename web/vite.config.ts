import { fileURLToPath } from 'node:url';
import optimizeLocales from '@react-aria/optimize-locales-plugin';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// components/index.ts only re-exports: a page that imports one component through it must not fetch the others.
const reExportsOnly = /\/web\/src\/components\/index\.ts$/;

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // React Aria ships its own few strings (screen-reader announcements) in 34 languages; the client is
  // English, so only those are bundled (other locales fall back to them).
  plugins: [react(), optimizeLocales.vite({ locales: ['en-US'] })],
  build: {
    outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 600,
    // .vite/manifest.json: e2e/bundleBudget.e2e.ts and bench/web-size.ts read what each page loads from it.
    manifest: true,
    rollupOptions: {
      // The public event pages (event.html) are a separate entry, so a phone signing up never loads the app.
      input: { main: fileURLToPath(new URL('index.html', import.meta.url)), event: fileURLToPath(new URL('event.html', import.meta.url)), poll: fileURLToPath(new URL('poll.html', import.meta.url)) },
      treeshake: { moduleSideEffects: (id) => (reExportsOnly.test(id) ? false : undefined) },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
