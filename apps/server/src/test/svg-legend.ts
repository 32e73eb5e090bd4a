import PDFDocument from 'pdfkit';
import { FONT_FILES } from '../modules/services/service-plan-export/raster.ts';

const measurer = new PDFDocument({ autoFirstPage: false });
measurer.registerFont('Body', FONT_FILES.regular);

const unescape = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/**
 * The legend entries of a figure drawn by figures.ts, each with how far right its label reaches,
 * measured in the documents' own font (DejaVu Sans) rather than the estimate the layout uses.
 */
export function legendEntries(svg: string): { label: string; right: number; bottom: number; svgWidth: number; svgHeight: number }[] {
  const [, svgWidth, svgHeight] = /<svg[^>]* width="([\d.]+)" height="([\d.]+)"/.exec(svg)!.map(Number);
  return [...svg.matchAll(/<g class="legend-item" transform="translate\(([\d.]+) ([\d.]+)\)">.*?<text x="([\d.]+)" y="([\d.]+)"[^>]* font-size="([\d.]+)"[^>]*>([^<]*)<\/text><\/g>/g)].map((m) => {
    const [x, y, textX, textY, size] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [number, number, number, number, number];
    const label = unescape(m[6]!);
    return { label, right: x + textX + measurer.font('Body').fontSize(size).widthOfString(label), bottom: y + textY + size * 0.3, svgWidth: svgWidth!, svgHeight: svgHeight! };
  });
}
