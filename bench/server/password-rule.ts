// The password rule's cost: loading the shipped leaked-password list once (time, heap) and
// checking a password against it and the personal rules. Run: node --import tsx bench/server/password-rule.ts
import { performance } from 'node:perf_hooks';
import { commonPasswords, passwordProblem } from '../../apps/server/src/modules/accounts/auth/password-policy.ts';

globalThis.gc?.();
const heapBefore = process.memoryUsage().heapUsed;
const t0 = performance.now();
const size = commonPasswords().size;
const loadMs = performance.now() - t0;
globalThis.gc?.();
const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;

const samples = ['password12', 'fjällbjörk-och-myr', 'Kerstin.Lindqvist2024', 'correct-horse-battery', 'samhandling-2026'];
const rounds = 200_000;
const t1 = performance.now();
let refused = 0;
for (let i = 0; i < rounds; i++) if (passwordProblem(samples[i % samples.length]!, 'kerstin.lindqvist@kommun.example')) refused++;
const perCheckUs = ((performance.now() - t1) * 1000) / rounds;

console.log(JSON.stringify({ node: process.version, entries: size, loadMs: Math.round(loadMs), heapMb: Number(heapMb.toFixed(1)), perCheckUs: Number(perCheckUs.toFixed(2)), refused }));
