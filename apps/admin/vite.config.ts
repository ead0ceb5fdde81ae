import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const gateway = 'http://127.0.0.1:3000';

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  resolve: { tsconfigPaths: true },
  server: {
    host: '127.0.0.1',
    proxy: {
      '/api': { target: gateway, changeOrigin: false },
      '/health': { target: gateway, changeOrigin: false },
    },
  },
  preview: { host: '127.0.0.1' },
  build: {
    outDir: '../../dist/apps/admin',
    emptyOutDir: true,
    sourcemap: true,
    // The budget is on gzipped initial JS (170 KB); this only silences Vite's raw-size warning.
    chunkSizeWarningLimit: 600,
  },
});
