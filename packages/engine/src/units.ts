/**
 * Unit-tagged numbers. The brands exist only at compile time: a `Seconds` is a plain
 * number at run time, but the type checker refuses to add metres to seconds by mistake.
 */
declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

export type Seconds = Brand<number, 'Seconds'>;
export type Meters = Brand<number, 'Meters'>;
/** Index of a node in a contracted routing graph (0..n-1). */
export type NodeId = Brand<number, 'NodeId'>;

export const seconds = (x: number): Seconds => x as Seconds;
export const meters = (x: number): Meters => x as Meters;
export const nodeId = (x: number): NodeId => x as NodeId;

/** Speed in km/h → seconds needed per metre. */
export const secondsPerMeter = (kmh: number): number => 3.6 / kmh;
