/**
 * A county-sized case for the analysis benchmarks: a synthetic road network of about 250,000 nodes
 * (bench/engine/generate.ts, written as OSM XML), 12,000 populated cells and about 1,300 service
 * points, imported through the API of a real server (`samhandling serve`, PGlite in a fresh
 * DATA_DIR), with the network build job waited for.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateCountry } from '../engine/generate.ts';

export async function countyCase(PORT: number) {
  const root = path.resolve(import.meta.dirname, '..', '..');
  const base = `http://127.0.0.1:${PORT}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'smh-analysis-bench-'));
  const email = 'bench@example.org';
  const password = 'restid-och-avstand-2026';

  // --- inputs
  let t = performance.now();
  const country = generateCountry({ latticeKm: 8.6, segmentM: 430, towns: 200, townNodes: 46_000, origins: 12_000 });
  const net = country.network;
  const genMs = performance.now() - t;
  const speedClass = (kmh: number) => (kmh >= 90 ? 'trunk' : kmh >= 70 ? 'primary' : kmh >= 50 ? 'secondary' : 'residential');
  t = performance.now();
  const osmPath = path.join(dataDir, 'county.osm');
  await new Promise<void>((resolve, reject) => {
    const out = createWriteStream(osmPath);
    out.on('error', reject);
    let buf = '<?xml version="1.0" encoding="UTF-8"?>\n<osm version="0.6" generator="samhandling-bench">\n';
    const flush = () => {
      if (buf.length > 1 << 20) {
        out.write(buf);
        buf = '';
      }
    };
    for (let i = 0; i < net.lon.length; i++) {
      buf += `<node id="${i + 1}" lat="${net.lat[i]!.toFixed(7)}" lon="${net.lon[i]!.toFixed(7)}"/>\n`;
      flush();
    }
    for (let s = 0; s < net.segA.length; s++) {
      const kmh = Math.round((net.segMeters[s]! * 3.6) / net.segSec[s]!);
      const dir = net.segDir[s]!;
      const [a, b] = dir === 2 ? [net.segB[s]!, net.segA[s]!] : [net.segA[s]!, net.segB[s]!];
      buf += `<way id="${s + 1}"><nd ref="${a + 1}"/><nd ref="${b + 1}"/><tag k="highway" v="${speedClass(kmh)}"/><tag k="maxspeed" v="${kmh}"/>${dir === 3 ? '' : '<tag k="oneway" v="yes"/>'}</way>\n`;
      flush();
    }
    out.end(buf + '</osm>\n', resolve);
  });
  // A county has about a tenth of the country's service points.
  const points = country.points.filter((_, i) => i % 10 === 0);
  writeFileSync(path.join(dataDir, 'points.csv'), ['id,type,lon,lat,name', ...points.map((p) => `${p.id},${p.type},${p.lon.toFixed(6)},${p.lat.toFixed(6)},${p.id}`)].join('\n') + '\n');
  writeFileSync(path.join(dataDir, 'origins.csv'), ['id,lon,lat,population', ...country.origins.map((o) => `${o.id},${o.lon.toFixed(6)},${o.lat.toFixed(6)},${o.population}`)].join('\n') + '\n');
  const writeMs = performance.now() - t;

  // --- server
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, DEMO: 'false', PORT: String(PORT), HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  const bin = path.join(root, 'bin', 'samhandling.js');
  const created = spawnSync(process.execPath, [bin, 'users', 'create', '--email', email, '--password', password, '--admin'], { env, encoding: 'utf8' });
  if (created.status !== 0) throw new Error(created.stderr);
  const server = spawn(process.execPath, [bin, 'serve'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  let cookie = '';
  const api = async (method: string, url: string, body?: unknown) => {
    const headers: Record<string, string> = { cookie, origin: base };
    let payload: string | FormData | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const res = await fetch(base + url, { method, headers, ...(payload ? { body: payload } : {}) });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) cookie = setCookie.split(';')[0]!;
    const text = await res.text();
    if (res.status >= 400) throw new Error(`${method} ${url}: ${res.status} ${text.slice(0, 300)}`);
    return text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text;
  };
  const file = (p: string, name: string) => {
    const form = new FormData();
    form.append('file', new Blob([readFileSync(p)]), name);
    return form;
  };

  const stopServer = async () => {
    server.kill('SIGTERM');
    await new Promise((r) => server.on('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  };
  let space: { id: string };
  let population: { id: string };
  let network: { id: string };
  let built: { id: string; status: string; error: string | null; nodes: number; edges: number };
  let uploadMs = 0;
  let buildMs = 0;
  try {
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${base}/api/health`)).ok) break;
      } catch {
        /* starting */
      }
      if (i > 600) throw new Error('server not healthy');
      await sleep(100);
    }
    await api('POST', '/api/auth/sign-in', { email, password });
    space = await api('POST', '/api/spaces', { name: 'Länet', kind: 'regional', visibility: 'members', municipalityCodes: [] });
    await api('POST', `/api/spaces/${space.id}/service-points/import?dryRun=false`, file(path.join(dataDir, 'points.csv'), 'points.csv'));
    population = await api('POST', `/api/spaces/${space.id}/population/import`, file(path.join(dataDir, 'origins.csv'), 'origins.csv'));
    t = performance.now();
    network = await api('POST', `/api/spaces/${space.id}/networks/import`, file(osmPath, 'county.osm'));
    uploadMs = performance.now() - t;
    for (;;) {
      built = (await api('GET', `/api/spaces/${space.id}/networks`)).find((n: { id: string }) => n.id === network.id)!;
      if (built.status !== 'queued' && built.status !== 'running') break;
      await sleep(200);
    }
    buildMs = performance.now() - t;
    if (built.status !== 'done') throw new Error(`network build ${built.status}: ${built.error}`);
  } catch (error) {
    await stopServer();
    throw error;
  }
  return {
    base,
    email,
    password,
    api,
    space,
    population,
    network,
    built,
    points,
    inputs: { nodes: net.lon.length, segments: net.segA.length, junctions: built.nodes, edges: built.edges, origins: country.origins.length, points: points.length, osmMB: Math.round(readFileSync(osmPath).length / 1e5) / 10 },
    setupMs: { generate: Math.round(genMs), writeFiles: Math.round(writeMs), networkUpload: Math.round(uploadMs), networkBuildJob: Math.round(buildMs) },
    stop: stopServer,
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The groceries shop that is nearest for the most people: closing it moves them. */
export async function busiestShop(api: (m: string, u: string, b?: unknown) => Promise<any>, analysisId: string): Promise<string> {
  const origins = await api('GET', `/api/analyses/${analysisId}/origins`);
  const g = origins.types.indexOf('groceries');
  const served = new Map<string, number>();
  for (const o of origins.origins) if (o.times[g][0]) served.set(o.times[g][0], (served.get(o.times[g][0]) ?? 0) + o.population);
  return [...served.entries()].sort((x, y) => y[1] - x[1])[0]![0];
}

/** Posts an analysis and polls it until it ends; the time of each stage first seen. */
export async function runAnalysisJob(api: (m: string, u: string, b?: unknown) => Promise<any>, spaceId: string, body: Record<string, unknown>) {
  const start = performance.now();
  const { id } = await api('POST', `/api/spaces/${spaceId}/analyses`, body);
  const stages: Record<string, number> = {};
  let a;
  for (;;) {
    a = await api('GET', `/api/analyses/${id}`);
    const stage = a.status === 'running' ? (a.progress.stage ?? 'running') : a.status;
    stages[stage] ??= Math.round(performance.now() - start);
    if (a.status !== 'queued' && a.status !== 'running') break;
    await sleep(50);
  }
  if (a.status !== 'done') throw new Error(`analysis ${a.status}: ${a.error}`);
  return { id, totalMs: Math.round(performance.now() - start), stages, engine: Object.fromEntries(Object.entries(a.details.timingsMs as Record<string, number>).map(([k, v]) => [k, Math.round(v as number)])) };
}
