#!/usr/bin/env node
// Runs the TypeScript sources with no build step between `npm install` and use: bundled once per
// version of the sources (bin/load-cli.js), or through tsx if that cannot be done.
import { loadCli } from './load-cli.js';

const { main } = await loadCli();
process.exitCode = await main(process.argv.slice(2));
