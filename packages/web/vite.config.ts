import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './build/precompress.ts';
import { purgeCss } from './build/purge-css.ts';
import { shakeUtrecht } from './build/shake-utrecht.ts';

// The API serves dist/ at `/`; in `vite dev` the API runs beside it on port 3000.
export default defineConfig({
  plugins: [react(), shakeUtrecht(), purgeCss(), precompress()],
  server: {
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
  },
});
