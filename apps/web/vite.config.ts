import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * Writes a brotli (.br) and a gzip (.gz) copy next to every built text asset, so the server sends
 * them as the browser accepts without compressing on each request (http/app.ts, `preCompressed`).
 */
function precompress(): Plugin {
  return {
    name: 'samhandling-precompress',
    apply: 'build',
    writeBundle(options) {
      const dir = options.dir ?? 'dist';
      const walk = (folder: string): string[] =>
        readdirSync(folder).flatMap((name) => {
          const full = path.join(folder, name);
          return statSync(full).isDirectory() ? walk(full) : [full];
        });
      for (const file of walk(dir)) {
        if (!/\.(js|css|html|svg|json|txt|webmanifest)$/.test(file)) continue;
        const content = readFileSync(file);
        if (content.length < 1024) continue;
        // The best brotli for what a phone loads first; a little less for the big map library (build time).
        const quality = content.length > 400_000 ? 9 : 11;
        writeFileSync(`${file}.br`, zlib.brotliCompressSync(content, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: quality } }));
        writeFileSync(`${file}.gz`, zlib.gzipSync(content, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  plugins: [react(), precompress()],
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
