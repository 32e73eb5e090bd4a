import { createReadStream, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';

/**
 * The self-hosted basemap (MAP_TILES): a PMTiles archive served from this server with HTTP range
 * requests, so the browser reads only the directory and the tiles it draws, and no map request
 * leaves the server. MAP_FONTS serves the label glyphs the same way (one small file per range).
 */
export const MAP_TILES_PATH = '/api/map/basemap.pmtiles';
export const MAP_FONTS_PATH = '/api/map/fonts';

/** What the web app is told to read: this server's address for a file, or the configured URL. */
export function mapTilesUrl(config: Config): string | null {
  const tiles = config.mapTiles;
  if (!tiles) return null;
  return 'url' in tiles ? tiles.url : MAP_TILES_PATH;
}

/** One `bytes=a-b`, `bytes=a-` or `bytes=-n` range within a file of `size` bytes, or null when unsatisfiable. */
export function parseRange(header: string, size: number): { start: number; end: number } | null | 'ignore' {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  // Several ranges or another unit: answer with the whole file, as RFC 9110 allows.
  if (!match) return 'ignore';
  const [, from, to] = match;
  if (from === '' && to === '') return 'ignore';
  if (from === '') {
    const length = Math.min(Number(to), size);
    return length > 0 ? { start: size - length, end: size - 1 } : null;
  }
  const start = Number(from);
  const end = to === '' ? size - 1 : Math.min(Number(to), size - 1);
  return start < size && start <= end ? { start, end } : null;
}

function sendFileRange(request: FastifyRequest, reply: FastifyReply, file: string, contentType: string) {
  const stats = statSync(file);
  const etag = `"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`;
  reply.header('Accept-Ranges', 'bytes').header('ETag', etag).header('Content-Type', contentType);
  // The archive changes only when the operator replaces it; the ETag tells the browser when.
  reply.header('Cache-Control', 'public, max-age=86400');
  const range = request.headers.range;
  const ifRange = request.headers['if-range'];
  const parsed = range && (!ifRange || ifRange === etag) ? parseRange(range, stats.size) : 'ignore';
  if (parsed === null) return reply.status(416).header('Content-Range', `bytes */${stats.size}`).send();
  if (parsed === 'ignore') {
    reply.header('Content-Length', stats.size);
    return reply.status(200).send(request.method === 'HEAD' ? undefined : createReadStream(file));
  }
  reply.header('Content-Range', `bytes ${parsed.start}-${parsed.end}/${stats.size}`).header('Content-Length', parsed.end - parsed.start + 1);
  return reply.status(206).send(request.method === 'HEAD' ? undefined : createReadStream(file, { start: parsed.start, end: parsed.end }));
}

export function registerMapTiles(app: FastifyInstance, config: Config) {
  const tiles = config.mapTiles;
  if (tiles && 'file' in tiles) {
    const file = tiles.file;
    app.route({
      method: ['GET', 'HEAD'],
      url: MAP_TILES_PATH,
      handler: async (request, reply) => {
        if (!existsSync(file)) {
          request.log.warn('MAP_TILES names a file that does not exist');
          return reply.status(404).header('Content-Type', 'application/json').send({ code: 'not_found', message: 'No basemap.' });
        }
        return sendFileRange(request, reply, file, 'application/vnd.pmtiles');
      },
    });
  }
  const fonts = config.mapFonts;
  if (fonts) {
    app.get<{ Params: { fontstack: string; range: string } }>(`${MAP_FONTS_PATH}/:fontstack/:range`, async (request, reply) => {
      const { fontstack, range } = request.params;
      // Only names like "Noto Sans Regular" and "0-255.pbf": nothing that climbs out of the directory.
      if (!/^[\w ,-]{1,100}$/.test(fontstack) || !/^\d{1,5}-\d{1,5}\.pbf$/.test(range)) {
        return reply.status(404).header('Content-Type', 'application/json').send({ code: 'not_found', message: 'No such glyphs.' });
      }
      // A font stack "A,B" is served from the first font that has the range.
      for (const font of fontstack.split(',')) {
        const file = path.join(fonts, font.trim(), range);
        if (existsSync(file)) {
          reply.header('Cache-Control', 'public, max-age=604800');
          return reply.header('Content-Type', 'application/x-protobuf').send(createReadStream(file));
        }
      }
      return reply.status(404).header('Content-Type', 'application/json').send({ code: 'not_found', message: 'No such glyphs.' });
    });
  }
}
