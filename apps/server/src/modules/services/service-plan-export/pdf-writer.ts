import { columnWidths } from './column-widths.ts';
import type { Block, PlanDocument } from './document-model.ts';
import { FONT_FILES, svgToPng } from './raster.ts';
import { startPdf } from '../../../platform/pdf.ts';

const SIZES = { 1: 20, 2: 15, 3: 12.5 } as const;
/** Table font sizes to try, largest first, until every column holds its longest word. */
const TABLE_FONT_SIZES = [9.5, 9, 8.5, 8, 7.5, 7];
const CELL_PADDING = 4;
/** A figure is drawn at most this tall (points), and shrunk down to the minimum to fill a page before a break. */
const FIGURE_MAX_HEIGHT = 330;
const FIGURE_MIN_HEIGHT = 210;
const CAPTION_SPACE = 26;

/** The plan as a PDF (A4) with the shipped DejaVu font, tables, and the map and charts as images. */
export async function writePdf(doc: PlanDocument): Promise<Buffer> {
  const { pdf, done } = await startPdf({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 56, right: 56 },
    info: { Title: doc.title, Subject: doc.subtitle, Creator: 'Samhandling', Keywords: doc.municipalityName },
    lang: doc.language === 'en' ? 'en-GB' : 'sv-SE',
    displayTitle: true,
    bufferPages: true,
  });
  pdf.registerFont('Body', FONT_FILES.regular);
  pdf.registerFont('Bold', FONT_FILES.bold);
  const width = pdf.page.width - pdf.page.margins.left - pdf.page.margins.right;
  const table = (headers: string[] | null, rows: string[][], numeric: Set<number>) => {
    // Columns as wide as their longest word, at the largest font size that allows it.
    let size = TABLE_FONT_SIZES[0]!;
    let widths: number[] | null = null;
    for (const candidate of TABLE_FONT_SIZES) {
      size = candidate;
      widths = columnWidths(headers, rows, width, (text, bold) => pdf.font(bold ? 'Bold' : 'Body').fontSize(candidate).widthOfString(text), CELL_PADDING);
      if (widths) break;
    }
    const data = [
      ...(headers ? [headers.map((h, i) => ({ text: h, font: { src: 'Bold' }, backgroundColor: '#e3ece7', align: { x: numeric.has(i) ? ('right' as const) : ('left' as const) }, type: 'TH' as const }))] : []),
      ...rows.map((row) => row.map((value, i) => ({ text: value, align: { x: numeric.has(i) ? ('right' as const) : ('left' as const) } }))),
    ];
    pdf.font('Body').fontSize(size);
    pdf.table({ data, ...(widths ? { columnStyles: widths.map((w) => ({ width: w })) } : {}), defaultStyle: { border: 0.5, borderColor: '#9aa7a1', padding: CELL_PADDING } });
    pdf.moveDown(0.6);
  };
  const room = () => pdf.page.height - pdf.page.margins.bottom - pdf.y;
  /** A figure's size: the content width, no taller than the maximum. */
  const figureSize = (block: Extract<Block, { kind: 'figure' }>) => {
    let w = Math.min(width, block.width);
    let h = (block.height * w) / block.width;
    if (h > FIGURE_MAX_HEIGHT) {
      w = (w * FIGURE_MAX_HEIGHT) / h;
      h = FIGURE_MAX_HEIGHT;
    }
    return { w, h };
  };
  /** The least room a block needs to start on this page, so a heading is never left alone at a page's foot. */
  const leastRoom = (block: Block | undefined): number => {
    if (!block) return 0;
    switch (block.kind) {
      case 'figure':
        return Math.min(figureSize(block).h, FIGURE_MIN_HEIGHT) + CAPTION_SPACE;
      case 'table':
        return 80;
      case 'heading':
        return 40 + 40;
      default:
        return 40;
    }
  };

  pdf.font('Bold').fontSize(22).fillColor('#0b3a2b').text(doc.title);
  pdf.font('Body').fontSize(12).fillColor('#333333').text(doc.subtitle).moveDown(0.6);
  pdf.fillColor('#111111');
  table(null, doc.meta, new Set());
  doc.blocks.forEach((block, index) => {
    switch (block.kind) {
      case 'heading':
        if (room() < 40 + leastRoom(doc.blocks[index + 1])) pdf.addPage();
        pdf.moveDown(block.level === 2 ? 0.6 : 0.3);
        pdf.font('Bold').fontSize(SIZES[block.level]).fillColor('#0b3a2b').text(block.text);
        pdf.fillColor('#111111').moveDown(0.3);
        break;
      case 'paragraph':
        pdf.font('Body').fontSize(10.5).fillColor(block.muted ? '#555555' : '#111111').text(block.text, { width }).moveDown(0.4);
        pdf.fillColor('#111111');
        break;
      case 'list':
        pdf.font('Body').fontSize(10.5);
        if (block.numbered) pdf.list(block.items, { listType: 'numbered', width });
        else pdf.list(block.items, { width });
        pdf.moveDown(0.4);
        break;
      case 'table':
        if (room() < 80) pdf.addPage();
        pdf.font('Bold').fontSize(10.5).text(block.caption).moveDown(0.2);
        table(block.headers, block.rows, new Set(block.numeric ?? []));
        break;
      case 'figure': {
        let { w, h } = figureSize(block);
        // Shrink to the room left on the page rather than break, down to the minimum height.
        const available = room() - CAPTION_SPACE;
        if (h > available) {
          if (available >= Math.min(h, FIGURE_MIN_HEIGHT)) {
            w = (w * available) / h;
            h = available;
          } else pdf.addPage();
        }
        const x = pdf.page.margins.left + (width - w) / 2;
        pdf.image(svgToPng(block.svg, block.width * 2), x, pdf.y, { width: w, height: h });
        pdf.y += h + 4;
        pdf.font('Body').fontSize(9).fillColor('#333333').text(block.caption, pdf.page.margins.left, pdf.y, { width }).fillColor('#111111').moveDown(0.6);
        break;
      }
    }
  });
  pdf.end();
  return done;
}
