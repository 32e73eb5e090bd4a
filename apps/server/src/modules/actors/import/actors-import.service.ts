import { collaborationInput, organisationInput, personInput, type importResult } from '@samhandling/contracts';
import type { z } from 'zod';
import { parseInput, ValidationError } from '../../../http/validate.ts';
import type { RequestContext } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { missingColumns, readCsv } from '../../../platform/csv.ts';
import type { Deps } from '../../../platform/deps.ts';
import { forbidden, notFound } from '../../../platform/errors.ts';
import { translate } from '../../../platform/messages.ts';
import { canLeadSpace } from '../../spaces/space/space.policy.ts';
import { loadSpaceAccess } from '../../spaces/space/space.service.ts';
import { orderedPair } from '../collaboration/collaboration.service.ts';
import { findSameCollaboration, insertCollaboration } from '../collaboration/collaboration.repository.ts';
import { areSimilarNames, normaliseName } from '../organisation/organisation-names.ts';
import { findByOrgNumber, insertOrganisation, listNamesIn } from '../organisation/organisation.repository.ts';
import { organisationsByIds, organisationValues } from '../organisation/organisation.service.ts';
import { insertPersonWithConsent } from '../person/person.service.ts';
import { addOrganisationToSpace } from '../space-organisation/space-organisation.repository.ts';
import { spaceOrganisationIds } from '../space-organisation/space-organisation.service.ts';

type Result = z.infer<typeof importResult>;
const MAX_ROWS = 20_000;

const ALIASES: Record<string, string> = {
  namn: 'name',
  organisationsnummer: 'org_number',
  orgnr: 'org_number',
  sektor: 'sector',
  typ: 'type',
  nivå: 'level',
  kommunkod: 'municipality_code',
  'e-post': 'email',
  epost: 'email',
  telefon: 'phone',
  webbplats: 'website',
  beskrivning: 'description',
  taggar: 'tags',
  organisation: 'organisation',
  roll: 'role',
  ungdom: 'youth',
  åldersgrupp: 'age_group',
  samtycke_syfte: 'consent_purpose',
  samtycke_metod: 'consent_method',
  samtycke_version: 'consent_text_version',
  organisation_a: 'organisation_a',
  organisation_b: 'organisation_b',
  frekvens: 'frequency',
  startdatum: 'start_date',
  slutdatum: 'end_date',
};

/** Swedish words people write in spreadsheets, mapped to the codes. */
const SECTOR_WORDS: Record<string, string> = {
  offentlig: 'public',
  'offentlig sektor': 'public',
  privat: 'private',
  näringsliv: 'private',
  civilsamhälle: 'civil_society',
  ideell: 'civil_society',
  'ideell sektor': 'civil_society',
  akademi: 'academia',
};

const blank = (value: string | undefined) => (value === undefined || value.trim() === '' ? undefined : value.trim());
const yes = (value: string | undefined) => ['ja', 'yes', 'true', '1', 'x'].includes((value ?? '').trim().toLowerCase());

function problemsOf(error: unknown, t: (key: string, params?: Record<string, string | number>) => string): string {
  if (!(error instanceof ValidationError)) throw error;
  return Object.entries(error.problems)
    .map(([field, p]) => `${field}: ${t(p.key, p.params)}`)
    .join(' ');
}

/**
 * Imports organisations, people or collaborations into a space from CSV. The preview (dry run)
 * lists every bad row with its reason; nothing changes until a clean file is confirmed, and a
 * file with any bad row changes nothing either.
 */
export async function importIntoSpace(deps: Deps, ctx: RequestContext, spaceId: string, kind: 'organisations' | 'people' | 'collaborations', csv: string, dryRun: boolean): Promise<Result> {
  const { access } = await loadSpaceAccess(deps, ctx.actor, spaceId);
  if (!canLeadSpace(ctx.actor, access)) throw access.role ? forbidden() : notFound();
  const t = (key: string, params?: Record<string, string | number>) => translate(ctx.language, key, params);
  const records = readCsv(csv, ALIASES, MAX_ROWS);
  const required = { organisations: ['name', 'sector', 'type', 'level'], people: ['name', 'consent_purpose', 'consent_method', 'consent_text_version'], collaborations: ['organisation_a', 'organisation_b', 'type'] }[kind];
  const missing = missingColumns(records, required);
  if (missing.length) return { dryRun: true, created: 0, updated: 0, errors: [{ line: 1, message: t('import.missing_columns', { columns: missing.join(', ') }) }] };

  const errors: Result['errors'] = [];
  const spaceOrgs = await organisationsByIds(deps, await spaceOrganisationIds(deps, spaceId));
  /** An organisation named in a row: by organisation number, else by exact (case-insensitive) name in the space. */
  const resolve = (reference: string | undefined) => {
    const value = blank(reference);
    if (!value) return undefined;
    return spaceOrgs.find((o) => o.org_number === value) ?? spaceOrgs.find((o) => o.name.toLowerCase() === value.toLowerCase());
  };
  const actorId = ctx.actor.kind === 'user' ? ctx.actor.user.id : null;
  let created = 0;
  let updated = 0;

  if (kind === 'organisations') {
    const rows: { line: number; input: z.output<typeof organisationInput> }[] = [];
    const seenNumbers = new Map<string, number>();
    for (const [index, record] of records.entries()) {
      const line = index + 2;
      try {
        const input = parseInput(organisationInput, {
          name: record.name,
          orgNumber: blank(record.org_number) ?? null,
          sector: SECTOR_WORDS[(record.sector ?? '').toLowerCase()] ?? record.sector,
          type: record.type,
          level: record.level,
          municipalityCode: blank(record.municipality_code)?.padStart(4, '0') ?? null,
          contactEmail: blank(record.email) ?? null,
          website: blank(record.website) ?? null,
          description: record.description ?? '',
          tags: blank(record.tags)?.split(/[;|]/).map((s) => s.trim()).filter(Boolean) ?? [],
        });
        if (input.orgNumber) {
          const earlier = seenNumbers.get(input.orgNumber);
          if (earlier) {
            errors.push({ line, message: t('import.duplicate_in_file', { line: earlier }) });
            continue;
          }
          seenNumbers.set(input.orgNumber, line);
        }
        rows.push({ line, input });
      } catch (error) {
        errors.push({ line, message: problemsOf(error, t) });
      }
    }
    const codes = new Set((await deps.db.selectFrom('municipalities').select('code').execute()).map((m) => m.code));
    for (const row of rows) {
      if (row.input.municipalityCode && !codes.has(row.input.municipalityCode)) errors.push({ line: row.line, message: `municipality_code: ${t('validation.municipality_unknown')}` });
    }
    // The same organisation already in the registry (same number, or the same name in its
    // municipality) is reused; a merely similar name is not guessed at but reported as a bad row.
    const plan: { input: z.output<typeof organisationInput>; existingId: string | undefined }[] = [];
    for (const { line, input } of rows) {
      const byNumber = input.orgNumber ? await findByOrgNumber(deps.db, input.orgNumber) : undefined;
      const candidates = byNumber ? [] : await listNamesIn(deps.db, input.municipalityCode ?? null);
      const existing = byNumber ?? candidates.find((o) => normaliseName(o.name) === normaliseName(input.name));
      const similar = existing ? undefined : candidates.find((o) => areSimilarNames(o.name, input.name));
      if (similar) errors.push({ line, message: t('import.near_duplicate', { name: similar.name }) });
      else plan.push({ input, existingId: existing?.id });
    }
    errors.sort((a, b) => a.line - b.line);
    const apply = errors.length === 0 && !dryRun;
    created = plan.filter((p) => !p.existingId).length;
    updated = plan.length - created;
    if (apply) {
      await deps.db.transaction().execute(async (trx) => {
        const now = deps.clock.now();
        for (const { input, existingId } of plan) {
          const id = existingId ?? (await insertOrganisation(trx, organisationValues(input, actorId, now))).id;
          await addOrganisationToSpace(trx, spaceId, id, now);
        }
        await recordAudit(trx, deps.clock, ctx, { action: 'import.organisations', resourceType: 'space', resourceId: spaceId, details: { created, updated } });
      });
    }
    return { dryRun: !apply, created, updated, errors };
  }

  if (kind === 'people') {
    const rows: { input: z.output<typeof personInput> }[] = [];
    for (const [index, record] of records.entries()) {
      const line = index + 2;
      try {
        const organisation = resolve(record.organisation);
        if (blank(record.organisation) && !organisation) {
          errors.push({ line, message: `organisation: ${t('import.unknown_organisation', { name: record.organisation ?? '' })}` });
          continue;
        }
        const input = parseInput(personInput, {
          name: record.name,
          email: blank(record.email) ?? null,
          phone: blank(record.phone) ?? null,
          municipalityCode: blank(record.municipality_code)?.padStart(4, '0') ?? null,
          youthRepresentative: yes(record.youth),
          ageGroup: blank(record.age_group) ?? null,
          affiliations: organisation ? [{ organisationId: organisation.id, role: record.role ?? '' }] : [],
          spaceId,
          consent: { purpose: record.consent_purpose, textVersion: record.consent_text_version, method: record.consent_method },
        });
        rows.push({ input });
      } catch (error) {
        errors.push({ line, message: problemsOf(error, t) });
      }
    }
    const apply = errors.length === 0 && !dryRun;
    if (apply) {
      await deps.db.transaction().execute(async (trx) => {
        const now = deps.clock.now();
        for (const { input } of rows) {
          await insertPersonWithConsent(trx, input, actorId, now);
        }
        await recordAudit(trx, deps.clock, ctx, { action: 'import.people', resourceType: 'space', resourceId: spaceId, details: { created } });
      });
    }
    return { dryRun: !apply, created: rows.length, updated: 0, errors };
  }

  const rows: { a: string; b: string; input: z.output<typeof collaborationInput> }[] = [];
  for (const [index, record] of records.entries()) {
    const line = index + 2;
    const a = resolve(record.organisation_a);
    const b = resolve(record.organisation_b);
    const unknown = [
      ...(a ? [] : [`organisation_a: ${t('import.unknown_organisation', { name: record.organisation_a ?? '' })}`]),
      ...(b ? [] : [`organisation_b: ${t('import.unknown_organisation', { name: record.organisation_b ?? '' })}`]),
    ];
    if (!a || !b) {
      errors.push({ line, message: unknown.join(' ') });
      continue;
    }
    try {
      const input = parseInput(collaborationInput, {
        organisationIds: [a.id, b.id],
        type: record.type,
        frequency: blank(record.frequency) ?? null,
        startDate: blank(record.start_date) ?? null,
        endDate: blank(record.end_date) ?? null,
        description: record.description ?? '',
      });
      rows.push({ a: a.id, b: b.id, input });
    } catch (error) {
      errors.push({ line, message: problemsOf(error, t) });
    }
  }
  const apply = errors.length === 0 && !dryRun;
  await deps.db.transaction().execute(async (trx) => {
    for (const { a, b, input } of rows) {
      const [first, second] = orderedPair(a, b);
      if (await findSameCollaboration(trx, first, second, input.type, 'manual', spaceId)) {
        updated++;
        continue;
      }
      created++;
      if (!apply) continue;
      await insertCollaboration(trx, {
        org_a: first,
        org_b: second,
        type: input.type,
        frequency: input.frequency ?? null,
        start_date: input.startDate ?? null,
        end_date: input.endDate ?? null,
        description: input.description ?? '',
        level: null,
        source: 'manual',
        survey_id: null,
        created_by: actorId,
        // Imported into a space: that space's view, not the registry's.
        space_id: spaceId,
      });
    }
    if (apply) await recordAudit(trx, deps.clock, ctx, { action: 'import.collaborations', resourceType: 'space', resourceId: spaceId, details: { created, updated } });
  });
  return { dryRun: !apply, created, updated, errors };
}
