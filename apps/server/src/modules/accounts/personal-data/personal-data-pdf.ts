import { createRequire } from 'node:module';
import path from 'node:path';
import type { Language } from '../../../platform/messages.ts';
import { exportTexts, humanise, sectionTitle } from './personal-data.presenter.ts';
import type { PersonalDataExport } from './personal-data.service.ts';
import { startPdf } from '../../../platform/pdf.ts';

const require = createRequire(import.meta.url);
const fontDir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

function lines(value: unknown, indent: string): string[] {
  if (value === null || value === undefined || value === '') return ['–'];
  if (Array.isArray(value)) return value.length ? value.flatMap((v) => lines(v, indent)) : ['–'];
  if (typeof value === 'object') return Object.entries(value as Record<string, unknown>).map(([k, v]) => `${indent}${humanise(k)}: ${lines(v, '').join(', ')}`);
  return [String(value)];
}

/** The export as an A4 PDF with the shipped DejaVu font (every character of every language prints). */
export async function renderPersonalDataPdf(data: PersonalDataExport, language: Language): Promise<Buffer> {
  const text = exportTexts(language);
  const { pdf, done } = await startPdf({ size: 'A4', margins: { top: 56, bottom: 56, left: 56, right: 56 }, info: { Title: text.title, Creator: 'Samhandling' }, lang: language === 'en' ? 'en-GB' : 'sv-SE', displayTitle: true });
  pdf.registerFont('Body', path.join(fontDir, 'DejaVuSans.ttf'));
  pdf.registerFont('Bold', path.join(fontDir, 'DejaVuSans-Bold.ttf'));
  pdf.font('Bold').fontSize(20).text(text.title);
  pdf.font('Body').fontSize(10).text(text.lead.replace('{at}', data.exportedAt)).moveDown();
  for (const [key, rows] of Object.entries(data.sections)) {
    pdf.font('Bold').fontSize(13).text(`${sectionTitle(key, language)} (${rows.length})`).moveDown(0.3);
    pdf.font('Body').fontSize(9);
    if (!rows.length) pdf.text(text.none);
    for (const row of rows) {
      for (const [k, v] of Object.entries(row)) pdf.text(`${humanise(k)}: ${lines(v, '').join('; ')}`);
      pdf.moveDown(0.5);
    }
    pdf.moveDown(0.5);
  }
  pdf.end();
  return done;
}
