import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    // ws: the live workshop boards' WebSocket (/api/boards/{id}/live) goes through the dev proxy too.
    proxy: { '/api': { target: 'http://localhost:3000', ws: true } },
  },
});
