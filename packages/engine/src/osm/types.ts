/** OSM tags of one element. */
export type Tags = Record<string, string>;

/** Receives the elements of an OSM file in file order. Relations are not needed by the engine. */
export interface OsmHandler {
  node(id: number, lon: number, lat: number, tags: Tags | null): void;
  way(id: number, refs: readonly number[], tags: Tags): void;
}

/** Decompresses a zlib stream; injected so that the parsers stay free of Node APIs. */
export type Inflate = (data: Uint8Array, rawSize: number) => Uint8Array;
