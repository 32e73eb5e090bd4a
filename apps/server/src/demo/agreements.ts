import type { Kysely } from 'kysely';
import PDFDocument from 'pdfkit';
import type { Config } from '../config.ts';
import type { Database } from '../db/schema.ts';
import { sha256Of, type Section } from '../modules/agreements/agreement/agreement-text.ts';
import { storeCheckedFile, uploadsDir } from '../platform/stored-files.ts';

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
export function demoProtocolExtract(): Promise<Buffer> {
  const pdf = new PDFDocument({ size: 'A4', margin: 64, info: { Title: 'Protokollsutdrag – Samformas styrelse 2021-01-29 § 7', Creator: 'Samhandling (demo)', CreationDate: new Date('2021-01-29T12:00:00Z') }, lang: 'sv-SE' });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
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

export async function seedDemoAgreements(trx: Kysely<Database>, spaceIds: Map<string, string>, now: Date, config: Pick<Config, 'dataDir'>): Promise<void> {
  const spaceId = spaceIds.get('SÖK Samverkan Norrbotten');
  if (!spaceId) return;
  const org = async (name: string) => (await trx.selectFrom('organisations').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
  const [region, lansstyrelsen, samforma] = await Promise.all([org('Region Norrbotten'), org('Länsstyrelsen i Norrbottens län'), org('Samforma')]);
  const coordinator = await trx.selectFrom('users').select(['id', 'name']).where('email', '=', 'region@example.org').executeTakeFirst();
  const by = coordinator?.id ?? null;
  const { id } = await trx
    .insertInto('agreements')
    .values({
      space_id: spaceId,
      title: 'Överenskommelse om samverkan mellan offentlig sektor och civilsamhälle i Norrbotten',
      summary: 'Överenskommelsen mellan Region Norrbotten, Länsstyrelsen i Norrbottens län och civilsamhället genom Samforma: principer, åtaganden och hur andra organisationer ansluter sig.',
      status: 'adoption',
      current_version: 2,
      in_force_version: null,
      in_force_since: null,
      created_by: by,
      created_at: new Date('2020-09-15T09:00:00Z'),
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('agreement_versions')
    .values([
      { agreement_id: id, number: 1, sections: JSON.stringify(REMISS_VERSION), sha256: sha256Of(REMISS_VERSION), created_by: by, created_at: new Date('2020-10-01T08:00:00Z') },
      { agreement_id: id, number: 2, sections: JSON.stringify(ADOPTION_VERSION), sha256: sha256Of(ADOPTION_VERSION), created_by: by, created_at: new Date('2020-12-10T08:00:00Z') },
    ])
    .execute();
  await trx
    .insertInto('agreement_parties')
    .values([samforma, lansstyrelsen, region].map((organisation_id, i) => ({ agreement_id: id, organisation_id, contact_person_id: null, role: 'party' as const, acceded: false, added_at: new Date(Date.UTC(2020, 8, 15, 9, i)) })))
    .execute();
  await trx
    .insertInto('agreement_comments')
    .values([
      {
        agreement_id: id,
        version: 1,
        section: 2,
        organisation_id: samforma,
        author_id: null,
        author_name: 'Samformas kansli (fiktiv)',
        body: 'Principerna behöver förklaras. Skriv ut att civilsamhällets organisationer medverkar på egna villkor.',
        answer: 'Tillagt i version 2 under Principer.',
        answered_by: by,
        answered_at: new Date('2020-12-09T10:00:00Z'),
        created_at: new Date('2020-10-20T10:00:00Z'),
      },
      {
        agreement_id: id,
        version: 1,
        section: 3,
        organisation_id: lansstyrelsen,
        author_id: null,
        author_name: 'Länsstyrelsens handläggare (fiktiv)',
        body: 'Ett möte per år räcker inte för att hålla samverkan levande. Föreslår två möten och en årlig uppföljning.',
        answer: 'Ändrat till två möten per år och en årlig uppföljning.',
        answered_by: by,
        answered_at: new Date('2020-12-09T10:05:00Z'),
        created_at: new Date('2020-10-28T13:00:00Z'),
      },
    ])
    .execute();
  const adoptions = await trx
    .insertInto('agreement_adoptions')
    .values([
      { agreement_id: id, organisation_id: samforma, version: 2, decision: 'adopted', decision_body: 'Samformas styrelse', decided_on: '2021-01-29', minute_reference: '§ 7', reason: null, recorded_by: by, recorded_at: new Date('2021-02-01T09:00:00Z') },
      { agreement_id: id, organisation_id: lansstyrelsen, version: 2, decision: 'adopted', decision_body: 'Länsstyrelsens ledningsgrupp', decided_on: '2021-03-16', minute_reference: 'Dnr 101-1234-2021', reason: null, recorded_by: by, recorded_at: new Date('2021-03-17T09:00:00Z') },
    ])
    .returning(['id', 'organisation_id'])
    .execute();
  // Samforma's protocol extract, stored (checked by content) as an upload would be.
  const samformaAdoption = adoptions.find((a) => a.organisation_id === samforma)!.id;
  await storeCheckedFile(uploadsDir(config, 'agreements'), { filename: 'Protokollsutdrag Samforma styrelse 2021-01-29 § 7.pdf', bytes: await demoProtocolExtract(), fields: {} }, (checked) =>
    trx
      .insertInto('agreement_adoption_extracts')
      .values({ adoption_id: samformaAdoption, original_name: checked.original_name, stored_name: checked.stored_name, content_type: checked.content_type, size: checked.size, sha256: checked.sha256, uploaded_by: by, created_at: new Date('2021-02-01T09:05:00Z') })
      .execute(),
  );
  if (coordinator) {
    // The regional coordinator signs for Region Norrbotten once its council has adopted.
    await trx.insertInto('agreement_signatories').values({ agreement_id: id, organisation_id: region, user_id: coordinator.id, title: 'Regional samordnare (fiktiv)', named_by: coordinator.id, named_at: now }).execute();
  }
  await trx
    .insertInto('agreement_signatures')
    .values({
      agreement_id: id,
      organisation_id: samforma,
      organisation_name: 'Samforma',
      user_id: null,
      name: 'Demo Ordförande (fiktiv)',
      title: 'Ordförande',
      version: 2,
      sha256: sha256Of(ADOPTION_VERSION),
      method: 'demo',
      evidence: JSON.stringify({ note: 'Demodata' }),
      signed_at: new Date('2021-02-03T14:00:00Z'),
    })
    .execute();
}
