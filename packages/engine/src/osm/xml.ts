import type { OsmHandler, Tags } from './types.ts';

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      // Control characters (but tab and line breaks) and what is no code point are dropped.
      const allowed = code === 9 || code === 10 || code === 13 || (code >= 0x20 && code !== 0x7f && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff));
      return allowed ? String.fromCodePoint(code) : '';
    }
    return ENTITY[e] ?? '';
  });
}

const ATTR = /([A-Za-z_:][-\w:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function attrs(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  ATTR.lastIndex = 0;
  for (let m = ATTR.exec(s); m; m = ATTR.exec(s)) out[m[1]!] = decodeEntities(m[2] ?? m[3] ?? '');
  return out;
}

/**
 * Parses OSM XML (`.osm`). A small tag scanner rather than a general XML parser: the OSM format uses
 * only elements with attributes, so this is enough and much faster than building a DOM.
 */
export function parseOsmXml(text: string, handler: OsmHandler): void {
  // OSM never declares a document type or entities; a file that does (e.g. nested entities, the
  // "billion laughs") is refused, and no entity but the five predefined ones is ever expanded.
  const root = text.search(/<osm[\s>]/);
  if (/<!(DOCTYPE|ENTITY)/i.test(root < 0 ? text.slice(0, 65536) : text.slice(0, root))) throw new Error('OSM XML with a DOCTYPE or ENTITY declaration is refused');
  const TAG = /<(\/?)(node|way|nd|tag|relation|member)\b([^>]*?)(\/?)>/g;
  let cur: { kind: 'node' | 'way' | 'relation'; a: Record<string, string>; tags: Tags | null; refs: number[] } | null = null;
  const finish = (): void => {
    if (!cur) return;
    const id = Number(cur.a.id);
    if (cur.kind === 'node') {
      const lon = Number(cur.a.lon);
      const lat = Number(cur.a.lat);
      // Deleted nodes in change files have no coordinates; skip them.
      if (Number.isFinite(lon) && Number.isFinite(lat) && cur.a.lon !== undefined) handler.node(id, lon, lat, cur.tags);
    } else if (cur.kind === 'way') handler.way(id, cur.refs, cur.tags ?? {});
    cur = null;
  };
  for (let m = TAG.exec(text); m; m = TAG.exec(text)) {
    const [, close, name, body, selfClose] = m as unknown as [string, string, string, string, string];
    if (close) {
      if (name === 'node' || name === 'way' || name === 'relation') finish();
      continue;
    }
    if (name === 'node' || name === 'way' || name === 'relation') {
      finish();
      cur = { kind: name, a: attrs(body), tags: null, refs: [] };
      if (selfClose) finish();
    } else if (name === 'nd' && cur?.kind === 'way') {
      const a = attrs(body);
      if (a.ref !== undefined) cur.refs.push(Number(a.ref));
    } else if (name === 'tag' && cur) {
      const a = attrs(body);
      if (a.k !== undefined) (cur.tags ??= {})[a.k] = a.v ?? '';
    }
  }
  finish();
}
