import PDFDocument from 'pdfkit';
import type { PlanDocument } from './document-model.ts';
import { FONT_FILES, svgToPng } from './raster.ts';

const SIZES = { 1: 20, 2: 15, 3: 12.5 } as const;

/** The plan as a PDF (A4) with the shipped DejaVu font, tables, and the map and charts as images. */
export function writePdf(doc: PlanDocument): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 56, right: 56 },
    info: { Title: doc.title, Subject: doc.subtitle, Creator: 'Samhandling', Keywords: doc.municipalityName },
    lang: doc.language === 'en' ? 'en-GB' : 'sv-SE',
    displayTitle: true,
    bufferPages: true,
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  pdf.registerFont('Body', FONT_FILES.regular);
  pdf.registerFont('Bold', FONT_FILES.bold);
  const width = pdf.page.width - pdf.page.margins.left - pdf.page.margins.right;
  const ensureSpace = (height: number) => {
    if (pdf.y + height > pdf.page.height - pdf.page.margins.bottom) pdf.addPage();
  };
  const table = (headers: string[] | null, rows: string[][], numeric: Set<number>) => {
    const data = [
      ...(headers ? [headers.map((h, i) => ({ text: h, font: { src: 'Bold' }, backgroundColor: '#e3ece7', align: { x: numeric.has(i) ? ('right' as const) : ('left' as const) }, type: 'TH' as const }))] : []),
      ...rows.map((row) => row.map((value, i) => ({ text: value, align: { x: numeric.has(i) ? ('right' as const) : ('left' as const) } }))),
    ];
    pdf.font('Body').fontSize(9.5);
    pdf.table({ data, defaultStyle: { border: 0.5, borderColor: '#9aa7a1', padding: 4 } });
    pdf.moveDown(0.6);
  };

  pdf.font('Bold').fontSize(22).fillColor('#0b3a2b').text(doc.title);
  pdf.font('Body').fontSize(12).fillColor('#333333').text(doc.subtitle).moveDown(0.6);
  pdf.fillColor('#111111');
  table(null, doc.meta, new Set());
  for (const block of doc.blocks) {
    switch (block.kind) {
      case 'heading':
        ensureSpace(60);
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
        ensureSpace(50);
        pdf.font('Bold').fontSize(10.5).text(block.caption).moveDown(0.2);
        table(block.headers, block.rows, new Set(block.numeric ?? []));
        break;
      case 'figure': {
        const w = Math.min(width, block.width);
        const h = (block.height * w) / block.width;
        ensureSpace(h + 24);
        pdf.image(svgToPng(block.svg, block.width * 2), pdf.page.margins.left, pdf.y, { width: w, height: h });
        pdf.y += h + 4;
        pdf.font('Body').fontSize(9).fillColor('#333333').text(block.caption, pdf.page.margins.left).fillColor('#111111').moveDown(0.6);
        break;
      }
    }
  }
  pdf.end();
  return done;
}
