import { readFileSync } from 'node:fs';
import { gunzipSync, inflateSync } from 'node:zlib';
import { OsmCollector, type OsmExtract } from '../osm/network.ts';
import { OsmRoadCollector, type RoadExtract, type RoadOptions } from '../osm/roads.ts';
import { parsePbf } from '../osm/pbf.ts';
import { parseOsmXml } from '../osm/xml.ts';
import type { OsmHandler } from '../osm/types.ts';
import type { Profile } from '../profile.ts';

export const zlibInflate = (data: Uint8Array): Uint8Array => inflateSync(data);

/** Streams any supported OSM file (.osm.pbf, .osm, .osm.gz) into a handler; format by content, not name. */
export function readOsmFile(path: string, handler: OsmHandler): void {
  let bytes: Uint8Array = readFileSync(path);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
  if (isXml(bytes)) parseOsmXml(new TextDecoder('utf-8').decode(bytes), handler);
  else parsePbf(bytes, zlibInflate, handler);
}

function isXml(bytes: Uint8Array): boolean {
  for (let i = 0; i < Math.min(bytes.length, 64); i++) {
    const c = bytes[i]!;
    if (c === 0x3c) return true; // '<'
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09 && c !== 0xef && c !== 0xbb && c !== 0xbf) return false;
  }
  return false;
}

export function loadOsm(path: string, profile: Profile): OsmExtract {
  const c = new OsmCollector(profile);
  readOsmFile(path, c);
  return c.finish();
}

/** The drivable roads of an OSM file by display class, simplified for drawing (see osm/roads.ts). */
export function loadRoads(path: string, profile: Profile, options?: RoadOptions): RoadExtract {
  const c = new OsmRoadCollector(profile, options);
  readOsmFile(path, c);
  return c.finish();
}
