import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // No source maps in what is shipped (issue 14 §1.10): the server would serve them to anyone.
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    // ws: the live workshop boards' WebSocket (/api/boards/{id}/live) goes through the dev proxy too.
    proxy: { '/api': { target: 'http://localhost:3000', ws: true } },
  },
});
