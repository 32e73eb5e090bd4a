import { describe, expect, it } from 'vitest';
import type { Tags } from './types.ts';
import { parseOsmXml } from './xml.ts';

function names(xml: string): (string | undefined)[] {
  const out: (string | undefined)[] = [];
  parseOsmXml(xml, { node: (_id: number, _lon: number, _lat: number, tags: Tags | null) => out.push(tags?.name), way: () => {} });
  return out;
}

describe('OSM XML entities', () => {
  it('refuses a document type with nested entity definitions (billion laughs) instead of reading it', () => {
    const laughs = [
      '<?xml version="1.0"?>',
      '<!DOCTYPE osm [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>',
      '<osm version="0.6"><node id="1" lat="61.6" lon="13.1"><tag k="name" v="&c;"/></node></osm>',
    ].join('\n');
    expect(() => names(laughs)).toThrow(/DOCTYPE|ENTITY/);
    expect(() => names('<!ENTITY x "y"><osm></osm>')).toThrow();
  });

  it('expands only the five predefined entities and character references, never a control character', () => {
    const xml =
      '<osm><node id="1" lat="61.6" lon="13.1"><tag k="name" v="Bröd &amp; &quot;kaffe&quot; &#65;&#x42;&#0;&#x1b;&#x110000;&unknown;"/></node></osm>';
    expect(names(xml)).toEqual(['Bröd & "kaffe" AB&unknown;']);
  });
});
