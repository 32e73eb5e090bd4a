import type PDFKitDocument from 'pdfkit';

type PdfDocument = InstanceType<typeof PDFKitDocument>;

/**
 * A new PDF and the bytes it will hold once `pdf.end()` is called. pdfkit is loaded on first use:
 * it takes a fifth of a second to load, and most starts of the server (or of a CLI command) never
 * write a PDF.
 */
export async function startPdf(options: PDFKit.PDFDocumentOptions): Promise<{ pdf: PdfDocument; done: Promise<Buffer> }> {
  const { default: PDFDocument } = await import('pdfkit');
  const pdf = new PDFDocument(options);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  return { pdf, done };
}
