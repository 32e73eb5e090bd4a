import { describe, expect, it } from 'vitest';
import { svgToPng } from './raster.ts';

const square = (fill: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="${fill}"/></svg>`;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47]);

describe('figures drawn as PNG', () => {
  it('draws each picture from its own SVG and width, also when the same ones come again', () => {
    const red = svgToPng(square('#ff0000'), 20);
    const blue = svgToPng(square('#0000ff'), 20);
    const redWider = svgToPng(square('#ff0000'), 40);
    expect(red.subarray(0, 4)).toEqual(PNG_SIGNATURE);
    expect(blue.equals(red)).toBe(false);
    expect(redWider.equals(red)).toBe(false);
    // PNG width is the big-endian integer at byte 16 of the IHDR chunk.
    expect(red.readUInt32BE(16)).toBe(20);
    expect(redWider.readUInt32BE(16)).toBe(40);
    // Drawn again (from memory): the same pictures, not the last one drawn.
    expect(svgToPng(square('#ff0000'), 20).equals(red)).toBe(true);
    expect(svgToPng(square('#0000ff'), 20).equals(blue)).toBe(true);
    expect(svgToPng(square('#ff0000'), 40).readUInt32BE(16)).toBe(40);
  });
});
