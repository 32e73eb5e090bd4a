import { agreementAdoptionInput, agreementCommentAnswer, agreementInput, agreementPartyInput, agreementPatch, agreementSignatoryInput } from '@samhandling/contracts';
import { insertComment } from '../modules/agreements/agreement-comment/agreement-comment.repository.ts';
import { answerAgreementComment } from '../modules/agreements/agreement-comment/agreement-comment.service.ts';
import { uploadAgreementExtract } from '../modules/agreements/agreement-extract/agreement-extract.service.ts';
import { recordPaperSignature } from '../modules/agreements/agreement/agreement.repository.ts';
import { sha256Of, type Section } from '../modules/agreements/agreement/agreement-text.ts';
import { addAgreementParty, createAgreement, nameSignatory, patchAgreement, recordAdoption } from '../modules/agreements/agreement/agreement.service.ts';
import type { Deps } from '../platform/deps.ts';
import { demoContext, demoDeps, demoOrganisationId, demoUser } from './demo-context.ts';
import { startPdf } from '../platform/pdf.ts';

/**
 * SÖK Samverkan Norrbotten's collaboration agreement (överenskommelse) between Region Norrbotten,
 * Länsstyrelsen i Norrbottens län and Samforma. The text is written for the demo, not the real
 * agreement's. Version 1 went on remiss (two comments, answered); version 2 is out for adoption:
 * Samforma's board adopted it on 29 January 2021, the County Administrative Board adopted it,
 * Region Norrbotten's decision is pending – "2 av 3 parter har antagit". Samforma's decision has a
 * protocol extract on file (a one-page PDF written for the demo).
 */
const REMISS_VERSION: Section[] = [
  {
    heading: 'Bakgrund',
    text: 'Region Norrbotten, Länsstyrelsen i Norrbottens län och det civila samhället i länet, företrätt av Samforma, har inom SÖK Samverkan Norrbotten kartlagt hur offentlig sektor och civilsamhälle samverkar i dag. Kartläggningen och kunskapsdialogerna visar att samverkan ofta bygger på enskilda personer och tillfälliga projekt.',
  },
  {
    heading: 'Syfte',
    text: 'Överenskommelsen ska ge en långsiktig och förutsägbar samverkan mellan parterna, så att civilsamhällets kunskap och engagemang tas till vara i arbetet för ett hållbart Norrbotten.',
  },
  {
    heading: 'Principer',
    text: 'Samverkan vilar på dialog, självständighet och oberoende, kvalitet, långsiktighet, öppenhet och insyn samt mångfald.',
  },
  {
    heading: 'Åtaganden',
    text: 'Parterna träffas i ett gemensamt samverkansråd en gång per år och tar tillsammans fram en handlingsplan.',
  },
];

const ADOPTION_VERSION: Section[] = [
  REMISS_VERSION[0]!,
  REMISS_VERSION[1]!,
  {
    heading: 'Principer',
    text: 'Samverkan vilar på sex principer: dialog, självständighet och oberoende, kvalitet, långsiktighet, öppenhet och insyn samt mångfald. Parterna respekterar varandras olika roller och förutsättningar; civilsamhällets organisationer medverkar på egna villkor.',
  },
  {
    heading: 'Åtaganden',
    text: 'Parterna träffas i ett gemensamt samverkansråd två gånger per år. Parterna tar tillsammans fram en handlingsplan med åtgärder, ansvar och uppföljning, och följer upp överenskommelsen årligen.\n\nRegion Norrbotten och Länsstyrelsen i Norrbottens län bjuder in civilsamhället tidigt i arbetet med regionala strategier och program.',
  },
  {
    heading: 'Anslutning',
    text: 'När överenskommelsen har trätt i kraft kan andra organisationer i Norrbotten ansöka om att ansluta sig. Samverkansrådet beslutar om anslutning.',
  },
  {
    heading: 'Giltighet',
    text: 'Överenskommelsen gäller när samtliga parter har antagit den i sina beslutsorgan och gäller tills vidare. Den ses över vart fjärde år.',
  },
];

/** A one-page protocol extract (protokollsutdrag) of Samforma's board decision, written for the demo. */
export async function demoProtocolExtract(): Promise<Buffer> {
  const { pdf, done } = await startPdf({ size: 'A4', margin: 64, info: { Title: 'Protokollsutdrag – Samformas styrelse 2021-01-29 § 7', Creator: 'Samhandling (demo)', CreationDate: new Date('2021-01-29T12:00:00Z') }, lang: 'sv-SE' });
  pdf.font('Helvetica-Bold').fontSize(16).text('Utdrag ur protokoll');
  pdf.font('Helvetica').fontSize(11).moveDown(0.5).text('Samforma, styrelsemöte 2021-01-29 (demodata, fiktivt protokoll)');
  pdf.moveDown().font('Helvetica-Bold').text('§ 7 Överenskommelse om samverkan i Norrbotten');
  pdf
    .font('Helvetica')
    .moveDown(0.5)
    .text('Styrelsen har tagit del av förslaget till överenskommelse om samverkan mellan offentlig sektor och civilsamhälle i Norrbotten, version 2.');
  pdf.moveDown(0.5).text('Styrelsen beslutar att anta överenskommelsen och att ordföranden undertecknar den för Samformas räkning.');
  pdf.moveDown(2).text('Vid protokollet: Demo Sekreterare (fiktiv)');
  pdf.text('Justeras: Demo Ordförande (fiktiv)');
  pdf.moveDown().font('Helvetica-Oblique').fontSize(9).text('Utdraget är skrivet för Samhandlings demo och är inte ett verkligt protokoll.');
  pdf.end();
  return done;
}

/**
 * Through the agreement services, as the regional coordinator (SÖK's leader) worked on it, each act
 * at its date: drafted, the parties added, on remiss, the comments answered, version 2 out for
 * adoption, two parties' decisions recorded (Samforma's with its protocol extract).
 */
export async function seedDemoAgreements(deps: Deps, spaceIds: Map<string, string>, now: Date): Promise<void> {
  const spaceId = spaceIds.get('SÖK Samverkan Norrbotten');
  if (!spaceId) return;
  const at = (iso: string) => demoDeps(deps, deps.db, new Date(iso));
  const [region, lansstyrelsen, samforma] = await Promise.all([demoOrganisationId(deps, 'Region Norrbotten'), demoOrganisationId(deps, 'Länsstyrelsen i Norrbottens län'), demoOrganisationId(deps, 'Samforma')]);
  const coordinator = await demoUser(deps, 'region@example.org');
  if (coordinator.kind !== 'user') return;
  const lead = demoContext(deps, coordinator);
  const { id } = await createAgreement(
    at('2020-09-15T09:00:00Z'),
    lead,
    spaceId,
    agreementInput.parse({
      title: 'Överenskommelse om samverkan mellan offentlig sektor och civilsamhälle i Norrbotten',
      summary: 'Överenskommelsen mellan Region Norrbotten, Länsstyrelsen i Norrbottens län och civilsamhället genom Samforma: principer, åtaganden och hur andra organisationer ansluter sig.',
      sections: REMISS_VERSION,
    }),
  );
  for (const [i, organisationId] of [samforma, lansstyrelsen, region].entries()) {
    await addAgreementParty(demoDeps(deps, deps.db, new Date(Date.UTC(2020, 8, 15, 9, i))), lead, id, agreementPartyInput.parse({ organisationId, role: 'party' }));
  }
  await patchAgreement(at('2020-10-01T08:00:00Z'), lead, id, agreementPatch.parse({ status: 'remiss' }));
  const comments = [
    {
      section: 2,
      authorName: 'Samformas kansli (fiktiv)',
      body: 'Principerna behöver förklaras. Skriv ut att civilsamhällets organisationer medverkar på egna villkor.',
      answer: 'Tillagt i version 2 under Principer.',
      answeredAt: '2020-12-09T10:00:00Z',
      createdAt: '2020-10-20T10:00:00Z',
    },
    {
      section: 3,
      authorName: 'Länsstyrelsens handläggare (fiktiv)',
      body: 'Ett möte per år räcker inte för att hålla samverkan levande. Föreslår två möten och en årlig uppföljning.',
      answer: 'Ändrat till två möten per år och en årlig uppföljning.',
      answeredAt: '2020-12-09T10:05:00Z',
      createdAt: '2020-10-28T13:00:00Z',
    },
  ];
  for (const c of comments) {
    // The parties' offices sent their remiss comments by e-mail (they have no account in the demo): entered as received.
    const { id: commentId } = await insertComment(deps.db, {
      agreement_id: id,
      version: 1,
      section: c.section,
      organisation_id: c.authorName.startsWith('Samforma') ? samforma : lansstyrelsen,
      author_id: null,
      author_name: c.authorName,
      body: c.body,
      answer: null,
      answered_by: null,
      answered_at: null,
      created_at: new Date(c.createdAt),
    });
    await answerAgreementComment(at(c.answeredAt), lead, commentId, agreementCommentAnswer.parse({ answer: c.answer }));
  }
  await patchAgreement(at('2020-12-10T08:00:00Z'), lead, id, agreementPatch.parse({ sections: ADOPTION_VERSION, baseVersion: 1, status: 'adoption' }));
  await recordAdoption(
    at('2021-02-01T09:00:00Z'),
    lead,
    id,
    agreementAdoptionInput.parse({ organisationId: samforma, decision: 'adopted', decisionBody: 'Samformas styrelse', decidedOn: '2021-01-29', minuteReference: '§ 7' }),
  );
  await recordAdoption(
    at('2021-03-17T09:00:00Z'),
    lead,
    id,
    agreementAdoptionInput.parse({ organisationId: lansstyrelsen, decision: 'adopted', decisionBody: 'Länsstyrelsens ledningsgrupp', decidedOn: '2021-03-16', minuteReference: 'Dnr 101-1234-2021' }),
  );
  // Samforma's protocol extract, uploaded (checked by content) as a leader would.
  const samformaAdoption = (await deps.db.selectFrom('agreement_adoptions').select('id').where('agreement_id', '=', id).where('organisation_id', '=', samforma).executeTakeFirstOrThrow()).id;
  const extract = await demoProtocolExtract();
  await uploadAgreementExtract(at('2021-02-01T09:05:00Z'), lead, id, samformaAdoption, async () => ({ filename: 'Protokollsutdrag Samforma styrelse 2021-01-29 § 7.pdf', mimetype: 'application/pdf', bytes: extract, fields: {} }));
  // The regional coordinator signs for Region Norrbotten once its council has adopted.
  await nameSignatory(demoDeps(deps, deps.db, now), lead, id, agreementSignatoryInput.parse({ organisationId: region, userId: coordinator.user.id, title: 'Regional samordnare (fiktiv)' }));
  // Samforma's chair signed the adopted version on paper (no account): recorded as such.
  await recordPaperSignature(deps.db, {
    agreementId: id,
    organisationId: samforma,
    organisationName: 'Samforma',
    name: 'Demo Ordförande (fiktiv)',
    title: 'Ordförande',
    version: 2,
    sha256: sha256Of(ADOPTION_VERSION),
    method: 'demo',
    evidence: { note: 'Demodata' },
    signedAt: new Date('2021-02-03T14:00:00Z'),
  });
}
