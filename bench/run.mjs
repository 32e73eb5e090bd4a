#!/usr/bin/env node
// `npm run bench`: the server benchmarks. The engine's benchmarks live in bench/engine (see its README).
import { spawnSync } from 'node:child_process';
import path from 'node:path';

for (const script of ['server/startup.mjs', 'server/municipalities-load.mjs', 'server/signed-in-load.mjs']) {
  console.log(`\n=== ${script} ===`);
  const result = spawnSync(process.execPath, [path.join(import.meta.dirname, script)], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
