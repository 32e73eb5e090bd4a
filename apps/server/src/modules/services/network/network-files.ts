import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../../../config.ts';

/**
 * Road networks live on disk under DATA_DIR/networks: the uploaded OSM file, the built graph
 * (with its contraction hierarchy) as the engine's binary cache, and the roads drawn on the space's
 * maps (GeoJSON by display class, simplified). With several instances, DATA_DIR
 * (or at least DATA_DIR/networks) must be shared between them.
 */
export function networkDir(config: Config): string {
  const dir = path.resolve(config.dataDir, 'networks');
  mkdirSync(dir, { recursive: true });
  return dir;
}

export function networkFiles(config: Config, id: string) {
  const dir = networkDir(config);
  return { id, pbf: path.join(dir, `${id}.osm.pbf`), cache: path.join(dir, `${id}.graph`), roads: path.join(dir, `${id}.roads.json`) };
}

/**
 * An OSM file the engine reads: PBF (a 4-byte header length, then a BlobHeader of type
 * "OSMHeader"), OSM XML (`<?xml` or `<osm`), or gzip-compressed XML. XML with a document type or
 * entity declaration is not an OSM file (OSM never declares entities; a billion-laughs file does),
 * and the engine's reader refuses one inside gzip too: entities are never expanded.
 */
export function looksLikeOsmFile(head: Buffer): boolean {
  if (head.length > 16 && head.subarray(4, 64).includes(Buffer.from('OSMHeader'))) return true;
  if (head[0] === 0x1f && head[1] === 0x8b) return true;
  const text = head.toString('utf8').replace(/^\uFEFF/, '').trimStart();
  if (/<!(DOCTYPE|ENTITY)/i.test(text)) return false;
  return text.startsWith('<osm') || (text.startsWith('<?xml') && text.includes('<osm'));
}
