import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

// The renderer: one bundle, relative asset paths so the same build loads from the
// loopback server (browser mode) and from the packaged app (Electron).
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [svelte()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2000,
    // The Svelte compiler is slow on a busy 2-core machine; a timing report is noise, not news.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
});
