import { AlignmentType, BorderStyle, Document, HeadingLevel, Packer, PageBreak, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, type ISectionOptions } from 'docx';
import type { RequestContext } from '../../../platform/actor.ts';
import { ContentCache } from '../../../platform/content-cache.ts';
import type { Deps } from '../../../platform/deps.ts';
import { FONT_FILES } from '../../services/service-plan-export/raster.ts';
import { canViewAgreement } from '../agreement/agreement.policy.ts';
import { loadAgreement } from '../agreement/agreement.service.ts';
import { startPdf } from '../../../platform/pdf.ts';

/** What both documents show: the text of a version, the parties with their decisions and the signature page. */
export interface AgreementDocument {
  title: string;
  summary: string;
  meta: [string, string][];
  sections: { heading: string; text: string }[];
  parties: string[][];
  signatures: string[][];
  sha256: string;
  labels: typeof SV;
}

const SV = {
  status: { draft: 'Utkast', remiss: 'På remiss', adoption: 'För antagande', in_force: 'Gäller', ended: 'Upphört', replaced: 'Ersatt' } as Record<string, string>,
  space: 'Arena',
  version: 'Version',
  statusLabel: 'Status',
  inForceSince: 'Gäller sedan',
  progress: 'Antagen av',
  parties: 'Parter och beslut',
  partyHeaders: ['Organisation', 'Roll', 'Beslut', 'Beslutsorgan', 'Datum', 'Protokoll'],
  signaturePage: 'Underskrifter',
  signatureHeaders: ['Namn', 'Titel', 'Organisation', 'Tid', 'Version', 'SHA-256'],
  noSignatures: 'Ingen har undertecknat än.',
  hashNote: 'Underskrifterna är bundna till SHA-256 för versionens kanoniska text:',
  older: '(äldre version)',
  role: { party: 'Part', supporting: 'Stödjande organisation' } as Record<string, string>,
  decision: { adopted: 'Antagit', declined: 'Avböjt' } as Record<string, string>,
  pending: 'Inte beslutat',
  extractOnFile: 'Protokollsutdrag finns',
};

const dateSv = (iso: string) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));

/** The agreement as the caller may see it: members the current version, the public the version in force. */
export async function agreementDocument(deps: Deps, ctx: RequestContext, id: string): Promise<AgreementDocument> {
  const { row, parts, access } = await loadAgreement(deps, ctx, id, { publicPage: true });
  // Those who see the drafts get the current version; the public the version in force.
  const number = canViewAgreement(ctx.actor, access) ? row.current_version : (row.in_force_version ?? row.current_version);
  const version = parts.versions.find((v) => v.number === number)!;
  const adopted = parts.parties.filter((p) => p.role === 'party' && !p.acceded && parts.adoptions.some((a) => a.organisation_id === p.organisation_id && a.version === number && a.decision === 'adopted')).length;
  const required = parts.parties.filter((p) => p.role === 'party' && !p.acceded).length;
  return {
    title: row.title,
    summary: row.summary,
    meta: [
      [SV.space, row.space_name],
      [SV.statusLabel, SV.status[row.status] ?? row.status],
      [SV.version, String(number)],
      [SV.progress, `${adopted} av ${required} parter`],
      ...(row.in_force_since ? [[SV.inForceSince, row.in_force_since.toISOString().slice(0, 10)] as [string, string]] : []),
    ],
    sections: version.sections,
    parties: parts.parties.map((p) => {
      const decision = parts.adoptions.filter((a) => a.organisation_id === p.organisation_id).at(-1);
      const decidedOn = decision ? (typeof decision.decided_on === 'string' ? decision.decided_on : (decision.decided_on as Date).toISOString()).slice(0, 10) : '';
      // The minute reference, and whether the decision's protocol extract is on file.
      const onFile = decision && parts.extracts.some((e) => e.adoption_id === decision.id) ? SV.extractOnFile : '';
      const minutes = [decision?.minute_reference ?? '', onFile].filter(Boolean).join(' – ');
      return [p.organisation_name, SV.role[p.role] ?? p.role, decision ? `${SV.decision[decision.decision]} (v. ${decision.version})` : SV.pending, decision?.decision_body ?? '', decidedOn, minutes];
    }),
    signatures: parts.signatures.map((s) => [s.name, s.title, s.organisation_name, dateSv(s.signed_at.toISOString()), s.version === number ? String(s.version) : `${s.version} ${SV.older}`, s.sha256]),
    sha256: version.sha256,
    labels: SV,
  };
}

const border = { style: BorderStyle.SINGLE, size: 4, color: '9aa7a1' };
const cell = (text: string, header = false) =>
  new TableCell({
    borders: { top: border, bottom: border, left: border, right: border },
    shading: header ? { fill: 'e3ece7' } : undefined,
    margins: { top: 60, bottom: 60, left: 80, right: 80 },
    children: [new Paragraph({ alignment: AlignmentType.LEFT, children: [new TextRun({ text, bold: header })] })],
  });
const table = (headers: string[] | null, rows: string[][]) =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [...(headers ? [new TableRow({ tableHeader: true, children: headers.map((h) => cell(h, true)) })] : []), ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) }))],
  });

export async function writeAgreementDocx(doc: AgreementDocument): Promise<Buffer> {
  const children: ISectionOptions['children'][number][] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(doc.title)] }),
    new Paragraph({ children: [new TextRun({ text: doc.summary, italics: true })] }),
    table(null, doc.meta),
  ];
  doc.sections.forEach((s, i) => {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(`${i + 1}. ${s.heading}`)] }));
    for (const paragraph of s.text.split(/\n{2,}/)) children.push(new Paragraph({ children: [new TextRun(paragraph)] }));
  });
  children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(doc.labels.parties)] }), table(doc.labels.partyHeaders, doc.parties));
  children.push(new Paragraph({ children: [new PageBreak()] }), new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(doc.labels.signaturePage)] }));
  children.push(new Paragraph({ children: [new TextRun(`${doc.labels.hashNote} ${doc.sha256}`)] }));
  children.push(doc.signatures.length ? table(doc.labels.signatureHeaders, doc.signatures) : new Paragraph({ children: [new TextRun(doc.labels.noSignatures)] }));
  const document = new Document({ title: doc.title, creator: 'Samhandling', styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } }, sections: [{ children }] });
  return Packer.toBuffer(document);
}

export async function writeAgreementPdf(doc: AgreementDocument): Promise<Buffer> {
  const { pdf, done } = await startPdf({ size: 'A4', margins: { top: 56, bottom: 56, left: 56, right: 56 }, info: { Title: doc.title, Creator: 'Samhandling' }, lang: 'sv-SE', displayTitle: true });
  pdf.registerFont('Body', FONT_FILES.regular);
  pdf.registerFont('Bold', FONT_FILES.bold);
  const width = pdf.page.width - pdf.page.margins.left - pdf.page.margins.right;
  const grid = (headers: string[] | null, rows: string[][]) => {
    const data = [...(headers ? [headers.map((h) => ({ text: h, font: { src: 'Bold' }, backgroundColor: '#e3ece7', type: 'TH' as const }))] : []), ...rows.map((r) => r.map((text) => ({ text })))];
    pdf.font('Body').fontSize(9);
    pdf.table({ data, defaultStyle: { border: 0.5, borderColor: '#9aa7a1', padding: 4 } });
    pdf.moveDown(0.6);
  };
  pdf.font('Bold').fontSize(20).fillColor('#0b3a2b').text(doc.title);
  pdf.font('Body').fontSize(11).fillColor('#333333').text(doc.summary).moveDown(0.6).fillColor('#111111');
  grid(null, doc.meta);
  doc.sections.forEach((s, i) => {
    pdf.moveDown(0.4).font('Bold').fontSize(13).fillColor('#0b3a2b').text(`${i + 1}. ${s.heading}`).fillColor('#111111').moveDown(0.2);
    pdf.font('Body').fontSize(10.5).text(s.text, { width }).moveDown(0.4);
  });
  pdf.moveDown(0.4).font('Bold').fontSize(13).fillColor('#0b3a2b').text(doc.labels.parties).fillColor('#111111').moveDown(0.2);
  grid(doc.labels.partyHeaders, doc.parties);
  pdf.addPage();
  pdf.font('Bold').fontSize(18).fillColor('#0b3a2b').text(doc.labels.signaturePage).fillColor('#111111').moveDown(0.4);
  pdf.font('Body').fontSize(9.5).text(`${doc.labels.hashNote} ${doc.sha256}`, { width }).moveDown(0.6);
  if (doc.signatures.length) grid(doc.labels.signatureHeaders, doc.signatures);
  else pdf.font('Body').fontSize(10.5).text(doc.labels.noSignatures);
  pdf.end();
  return done;
}

/** The last documents written, by their content: an agreement is downloaded by every party, unchanged. */
const written = new ContentCache<Promise<Buffer>>(16);

export async function exportAgreement(deps: Deps, ctx: RequestContext, id: string, format: 'docx' | 'pdf') {
  const doc = await agreementDocument(deps, ctx, id);
  const body = await written.get(`${format}\0${JSON.stringify(doc)}`, () => (format === 'docx' ? writeAgreementDocx(doc) : writeAgreementPdf(doc)));
  return { body, fileName: `overenskommelse.${format}` };
}
