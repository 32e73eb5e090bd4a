import { Resvg } from '@resvg/resvg-js';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const fontDir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

/** The fonts the figures and documents use, shipped in an npm package (no system fonts needed). */
export const FONT_FILES = { regular: path.join(fontDir, 'DejaVuSans.ttf'), bold: path.join(fontDir, 'DejaVuSans-Bold.ttf') };

/**
 * The last images drawn, by content: a plan is exported again and again (PDF and DOCX, by several
 * readers, each version) with the same map and charts, and drawing one (loading the fonts, then
 * rasterising) costs far more than hashing its SVG.
 */
const drawn = new Map<string, Buffer>();
const DRAWN_MAX = 24;

/** SVG → PNG at the given pixel width, with the shipped DejaVu fonts so text looks the same everywhere. */
export function svgToPng(svg: string, width: number): Buffer {
  const key = `${width}:${createHash('sha256').update(svg).digest('base64')}`;
  const known = drawn.get(key);
  if (known) {
    // Most recently used last, so the oldest is the one dropped.
    drawn.delete(key);
    drawn.set(key, known);
    return known;
  }
  const png = rasterise(svg, width);
  if (drawn.size >= DRAWN_MAX) drawn.delete(drawn.keys().next().value!);
  drawn.set(key, png);
  return png;
}

function rasterise(svg: string, width: number): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    font: { loadSystemFonts: false, fontFiles: [FONT_FILES.regular, FONT_FILES.bold], defaultFontFamily: 'DejaVu Sans' },
    background: '#ffffff',
  });
  return resvg.render().asPng();
}
