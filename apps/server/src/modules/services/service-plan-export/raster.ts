import { Resvg } from '@resvg/resvg-js';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ContentCache } from '../../../platform/content-cache.ts';

const require = createRequire(import.meta.url);
const fontDir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

/** The fonts the figures and documents use, shipped in an npm package (no system fonts needed). */
export const FONT_FILES = { regular: path.join(fontDir, 'DejaVuSans.ttf'), bold: path.join(fontDir, 'DejaVuSans-Bold.ttf') };

/** The last images drawn: a plan's map and charts are the same in every export of one version. */
const drawn = new ContentCache<Buffer>(24);

/** SVG → PNG at the given pixel width, with the shipped DejaVu fonts so text looks the same everywhere. */
export function svgToPng(svg: string, width: number): Buffer {
  return drawn.get(`${width}\0${svg}`, () => rasterise(svg, width));
}

function rasterise(svg: string, width: number): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    font: { loadSystemFonts: false, fontFiles: [FONT_FILES.regular, FONT_FILES.bold], defaultFontFamily: 'DejaVu Sans' },
    background: '#ffffff',
  });
  return resvg.render().asPng();
}
