import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ISectionOptions,
} from 'docx';
import type { PlanDocument } from './document-model.ts';
import { svgToPng } from './raster.ts';

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;
const border = { style: BorderStyle.SINGLE, size: 4, color: '9aa7a1' };
const borders = { top: border, bottom: border, left: border, right: border };
/** Page content width in pixels (A4 minus margins, at 96 dpi) for images. */
const CONTENT_PX = 620;

function cell(text: string, options: { header?: boolean; numeric?: boolean } = {}) {
  return new TableCell({
    borders,
    shading: options.header ? { fill: 'e3ece7' } : undefined,
    margins: { top: 60, bottom: 60, left: 80, right: 80 },
    children: [
      new Paragraph({
        alignment: options.numeric ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: [new TextRun({ text, bold: options.header ?? false })],
      }),
    ],
  });
}

/** The plan as a Word document: headings, tables with header rows, the map and charts as images (SVG with a PNG fallback). */
export async function writeDocx(doc: PlanDocument): Promise<Buffer> {
  const children: ISectionOptions['children'][number][] = [];
  children.push(new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(doc.title)] }));
  children.push(new Paragraph({ children: [new TextRun({ text: doc.subtitle, italics: true })] }));
  children.push(
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: doc.meta.map(([label, value]) => new TableRow({ children: [cell(label, { header: true }), cell(value)] })),
    }),
  );
  for (const block of doc.blocks) {
    switch (block.kind) {
      case 'heading':
        children.push(new Paragraph({ heading: HEADINGS[block.level], children: [new TextRun(block.text)] }));
        break;
      case 'paragraph':
        children.push(new Paragraph({ children: [new TextRun({ text: block.text, color: block.muted ? '555555' : undefined })] }));
        break;
      case 'list':
        block.items.forEach((item, i) => children.push(new Paragraph({ children: [new TextRun(block.numbered ? `${i + 1}. ${item}` : `• ${item}`)], indent: { left: 360 } })));
        break;
      case 'table': {
        const numeric = new Set(block.numeric ?? []);
        children.push(new Paragraph({ children: [new TextRun({ text: block.caption, bold: true })] }));
        children.push(
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [
              new TableRow({ tableHeader: true, children: block.headers.map((h, i) => cell(h, { header: true, numeric: numeric.has(i) })) }),
              ...block.rows.map((row) => new TableRow({ children: row.map((value, i) => cell(value, { numeric: numeric.has(i) })) })),
            ],
          }),
        );
        break;
      }
      case 'figure': {
        const width = Math.min(CONTENT_PX, block.width);
        const height = Math.round((block.height * width) / block.width);
        children.push(
          new Paragraph({
            children: [
              new ImageRun({
                type: 'svg',
                data: Buffer.from(block.svg),
                fallback: { type: 'png', data: svgToPng(block.svg, block.width * 2) },
                transformation: { width, height },
                altText: { name: block.caption, title: block.caption, description: block.alt },
              }),
            ],
          }),
        );
        children.push(new Paragraph({ children: [new TextRun({ text: block.caption, italics: true, size: 18 })] }));
        break;
      }
    }
  }
  const document = new Document({
    title: doc.title,
    subject: doc.subtitle,
    creator: 'Samhandling',
    styles: { default: { document: { run: { font: 'Calibri', language: { value: doc.language === 'en' ? 'en-GB' : 'sv-SE' } } } } },
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}
