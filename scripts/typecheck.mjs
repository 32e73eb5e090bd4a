#!/usr/bin/env node
// `npm run typecheck`: the three TypeScript projects (server and packages, web app, engine) checked
// side by side — tsc uses one core each — printing each one's errors and failing if any has one.
import { spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const projects = ['.', 'apps/web', 'packages/engine'];

const results = await Promise.all(
  projects.map(
    (project) =>
      new Promise((resolve) => {
        const child = spawn(process.execPath, [tsc, '--noEmit', '-p', project], { cwd: root });
        let output = '';
        child.stdout.on('data', (chunk) => (output += chunk));
        child.stderr.on('data', (chunk) => (output += chunk));
        child.on('close', (code) => resolve({ project, code, output }));
      }),
  ),
);
for (const { project, code, output } of results) if (code !== 0) console.log(`tsc -p ${project}:\n${output}`);
process.exit(results.every(({ code }) => code === 0) ? 0 : 1);
