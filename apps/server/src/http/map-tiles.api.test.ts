import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { endpoints } from '@samhandling/contracts';
import { PMTiles, type RangeResponse, type Source } from 'pmtiles';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app.ts';
import { writePmtiles } from '../test/pmtiles.ts';
import { chooseEncoding } from './compress.ts';
import { MAP_TILES_PATH, parseRange } from './map-tiles.ts';

/** Issue 13 §1 and §5: the self-hosted PMTiles basemap (range requests) and compressed API answers. */
const dir = mkdtempSync(path.join(tmpdir(), 'samhandling-tiles-'));
const archive = path.join(dir, 'sverige.pmtiles');
const tileZ0 = Buffer.from('a vector tile of Sweden at zoom 0');
const tileZ5 = Buffer.from('Dalarna at zoom 5 — Ludvika, Smedjebacken, Säter');
writeFileSync(
  archive,
  writePmtiles([
    { z: 0, x: 0, y: 0, data: tileZ0 },
    { z: 5, x: 17, y: 8, data: tileZ5 },
  ]),
);
const fonts = path.join(dir, 'fonts');
mkdirSync(path.join(fonts, 'Noto Sans Regular'), { recursive: true });
writeFileSync(path.join(fonts, 'Noto Sans Regular', '0-255.pbf'), Buffer.from([1, 2, 3]));

let t: TestApp;
let bare: TestApp;
beforeAll(async () => {
  t = await createTestApp({ config: { mapTiles: { file: archive }, mapFonts: fonts } });
  bare = await createTestApp();
});
afterAll(async () => {
  await t.close();
  await bare.close();
});

/** A PMTiles source that reads through the server with Range requests, as the browser does. */
function serverSource(app: TestApp): Source & { requests: string[] } {
  const requests: string[] = [];
  return {
    requests,
    getKey: () => MAP_TILES_PATH,
    async getBytes(offset: number, length: number): Promise<RangeResponse> {
      const range = `bytes=${offset}-${offset + length - 1}`;
      requests.push(range);
      const answer = await app.app.inject({ method: 'GET', url: MAP_TILES_PATH, headers: { range } });
      expect(answer.statusCode).toBe(206);
      const body = answer.rawPayload;
      return { data: body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer, etag: String(answer.headers.etag) };
    },
  };
}

describe('the self-hosted basemap (MAP_TILES)', () => {
  it('is announced to the web app only when configured', async () => {
    expect((await t.client().call(endpoints.getSettings)).body).toMatchObject({
      mapTilesUrl: MAP_TILES_PATH,
      mapGlyphsUrl: '/api/map/fonts/{fontstack}/{range}.pbf',
    });
    expect((await bare.client().call(endpoints.getSettings)).body).toMatchObject({ mapTilesUrl: null, mapGlyphsUrl: null });
    expect((await bare.app.inject({ method: 'GET', url: MAP_TILES_PATH })).statusCode).toBe(404);
  });

  it('serves byte ranges that a PMTiles reader decodes into the tiles it holds', async () => {
    const source = serverSource(t);
    const reader = new PMTiles(source);
    const header = await reader.getHeader();
    expect(header).toMatchObject({ specVersion: 3, minZoom: 0, maxZoom: 5, numAddressedTiles: 2 });
    const z5 = await reader.getZxy(5, 17, 8);
    expect(Buffer.from(z5!.data).toString()).toBe(tileZ5.toString());
    expect(Buffer.from((await reader.getZxy(0, 0, 0))!.data).toString()).toBe(tileZ0.toString());
    expect(await reader.getZxy(5, 0, 0)).toBeUndefined();
    // Only ranges were asked for: the browser never downloads the whole archive.
    expect(source.requests.length).toBeGreaterThan(0);
    expect(source.requests.every((r) => /^bytes=\d+-\d+$/.test(r))).toBe(true);
  });

  it('answers a range past the end with 416 and a request without a range with the whole file', async () => {
    const past = await t.app.inject({ method: 'GET', url: MAP_TILES_PATH, headers: { range: 'bytes=999999-' } });
    expect(past.statusCode).toBe(416);
    expect(past.headers['content-range']).toMatch(/^bytes \*\/\d+$/);
    const whole = await t.app.inject({ method: 'GET', url: MAP_TILES_PATH });
    expect(whole.statusCode).toBe(200);
    expect(whole.headers['accept-ranges']).toBe('bytes');
    expect(whole.rawPayload.subarray(0, 7).toString()).toBe('PMTiles');
    const suffix = await t.app.inject({ method: 'GET', url: MAP_TILES_PATH, headers: { range: `bytes=-${tileZ5.length}` } });
    expect(suffix.statusCode).toBe(206);
    expect(suffix.rawPayload.toString()).toBe(tileZ5.toString());
  });

  it('serves label glyphs from MAP_FONTS and nothing outside it', async () => {
    const glyphs = await t.app.inject({ method: 'GET', url: '/api/map/fonts/Noto%20Sans%20Regular/0-255.pbf' });
    expect(glyphs.statusCode).toBe(200);
    expect([...glyphs.rawPayload]).toEqual([1, 2, 3]);
    expect((await t.app.inject({ method: 'GET', url: '/api/map/fonts/..%2F..%2Fetc/0-255.pbf' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/map/fonts/Noto%20Sans%20Regular/passwd' })).statusCode).toBe(404);
  });

  it('parses ranges as RFC 9110 says', () => {
    expect(parseRange('bytes=0-9', 100)).toEqual({ start: 0, end: 9 });
    expect(parseRange('bytes=90-', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=0-16383', 100)).toEqual({ start: 0, end: 99 });
    expect(parseRange('bytes=-10', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=100-', 100)).toBeNull();
    expect(parseRange('bytes=0-1,5-6', 100)).toBe('ignore');
  });
});

describe('compressed API answers', () => {
  it('sends brotli or gzip as the client accepts, and the same JSON', async () => {
    const plain = await t.app.inject({ method: 'GET', url: '/api/municipalities' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
    const br = await t.app.inject({ method: 'GET', url: '/api/municipalities', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString())).toEqual(JSON.parse(plain.payload));
    const gz = await t.app.inject({ method: 'GET', url: '/api/municipalities', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gz.rawPayload).toString())).toEqual(JSON.parse(plain.payload));
  });

  it('honours q-values and leaves byte ranges alone', async () => {
    expect(chooseEncoding('br;q=0, gzip')).toBe('gzip');
    expect(chooseEncoding('identity')).toBeNull();
    expect(chooseEncoding('*')).toBe('br');
    const range = await t.app.inject({ method: 'GET', url: MAP_TILES_PATH, headers: { range: 'bytes=0-126', 'accept-encoding': 'br' } });
    expect(range.headers['content-encoding']).toBeUndefined();
    expect(range.rawPayload.length).toBe(127);
  });
});
