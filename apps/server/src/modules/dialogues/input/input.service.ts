import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import {
  inputServiceType,
  inputKind,
  inputTheme,
  submitterSector,
  ageGroup,
  goalNumber,
  goalsWithTargets,
  normaliseTags,
  targetCode,
  type CoverageEntry,
  point as pointSchema,
  type Input,
  type InputDetail,
  type InputPage,
  type InputSummary,
  type inputInput,
  type inputPatch,
  type inputsQuery,
} from '@samhandling/contracts';
import type { CoverageScope } from '../../agenda2030/coverage/coverage-scope.ts';
import type { Kysely, Updateable } from 'kysely';
import { z } from 'zod';
import type { Database, InputsTable } from '../../../db/schema.ts';
import { parseInput } from '../../../http/validate.ts';
import { actorId, type Actor, type RequestContext } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Deps } from '../../../platform/deps.ts';
import { forbidden, invalid, notFound, unauthenticated } from '../../../platform/errors.ts';
import { consentLink } from '../../../platform/consent-link.ts';
import type { Mailer } from '../../../platform/mail.ts';
import { translate, type Language } from '../../../platform/messages.ts';
import { consumeRateLimits } from '../../../platform/rate-limit.ts';
import { followersOfTarget } from '../../notifications/follow/follow.service.ts';
import { notifySpaceLeaders, notifyUsers } from '../../notifications/preference/preference.service.ts';
import { measureReference, measureTrail } from '../../plans/measure/measure.service.ts';
import { loadSpaceAccess } from '../../spaces/space/space.service.ts';
import type { SpaceAccess } from '../../spaces/space/space.policy.ts';
import {
  canEnterOnBehalf,
  canSeeInputInternals,
  canSubmitInput,
  canTriageInput,
  canViewInputs,
  inputActions,
  inputCollectionActions,
  isAllowedTransition,
  isClosedStatus,
} from './input.policy.ts';
import { anonymousInputsRule } from './input-throttle.ts';
import { presentInput, presentTimeline } from './input.presenter.ts';
import {
  countByStatus,
  countInputs,
  inputsOfMeasures,
  openInputIdsOfMeasure,
  eventSpaceOf,
  existingSourceRefs,
  findInput,
  findSubmitterContact,
  insertInput,
  insertStatusChange,
  listInputs,
  listStatusChanges,
  localityForInput,
  municipalityBoundaries,
  municipalityExists,
  nextInputNumber,
  spaceMunicipalityCodes,
  spaceNameOf,
  summariseInputs,
  inputsInCoverageScope,
  updateInput,
  type InputFilter,
  type InputRow,
} from './input.repository.ts';

/**
 * One new input for {@link createInputs}. The same shape serves the public form, a
 * facilitator entering paper or phone input, and a workshop board being closed.
 */
export const newInputItem = z.strictObject({
  text: z.string().trim().min(1).max(4000),
  kind: inputKind.default('idea'),
  theme: inputTheme.nullable().optional(),
  serviceType: inputServiceType.nullable().optional(),
  goals: z.array(goalNumber).max(17).optional(),
  targets: z.array(targetCode).max(169).optional(),
  municipalityCode: z.string().regex(/^\d{4}$/, { message: 'validation.municipality_code' }).nullable().optional(),
  localityId: z.uuid().nullable().optional(),
  point: pointSchema.nullable().optional(),
  source: z.enum(['form', 'facilitator', 'board']),
  channel: z.enum(['paper', 'phone', 'meeting', 'email', 'other']).nullable().optional(),
  eventId: z.uuid().nullable().optional(),
  /** What the source calls it (a board note's id): an item whose ref is already stored is skipped. */
  sourceRef: z.string().max(200).nullable().optional(),
  submitterSector: submitterSector.nullable().optional(),
  submitterAgeGroup: ageGroup.nullable().optional(),
  submitterEmail: z.string().max(254).nullable().optional(),
  submitterLanguage: z.enum(['sv', 'en']).optional(),
});
export type NewInputItem = z.input<typeof newInputItem>;

/** Who writes, for the audit log and the timestamps; `mailer` and `origin` only when a receipt may go out. */
export interface InputWriter {
  actor: Actor;
  requestId: string | null;
  clock: Clock;
  mailer?: Mailer;
  origin?: string;
  /** The key that signs the consent-withdrawal link in the receipt (the session secret). */
  consentSecret?: string;
}

/**
 * Creates inputs in a space inside the caller's transaction, and returns them in the order
 * given as `{ id, number, created }` (`created: false` when an item's `sourceRef` was stored
 * before, so closing a board twice adds nothing twice).
 *
 * Stable for other modules. The workshop board calls it when a board closes:
 *
 *   await createInputs(trx, { actor: ctx.actor, requestId: ctx.requestId, clock: deps.clock }, spaceId,
 *     notes.map((n) => ({ text: n.text, source: 'board', eventId, sourceRef: n.id,
 *                         submitterSector: n.sector, submitterAgeGroup: n.ageGroup })));
 *
 * It does not authorize (the caller has), but it validates every item (400 with fields
 * `items.N.field`), checks that a locality or municipality belongs to the space, places a map
 * point in the space's municipality, numbers the inputs per space, starts each public timeline
 * at "received", and audits each one. Items without `kind` are ideas; the facilitator
 * classifies them in the triage view.
 */
export async function createInputs(
  trx: Kysely<Database>,
  writer: InputWriter,
  spaceId: string,
  items: NewInputItem[],
): Promise<{ id: string; number: number; created: boolean }[]> {
  const parsed = items.map((item, index) => parseInput(newInputItem, item, items.length === 1 ? '' : `items.${index}`));
  const spaceCodes = (await spaceMunicipalityCodes(trx, spaceId)).map((r) => r.municipality_code);
  const refs = parsed.map((p) => p.sourceRef).filter((r): r is string => !!r);
  const bySource = new Map<string, Map<string, string>>();
  for (const source of new Set(parsed.filter((p) => p.sourceRef).map((p) => p.source))) {
    const existing = await existingSourceRefs(trx, spaceId, source, refs);
    bySource.set(source, new Map(existing.map((e) => [e.source_ref!, e.id])));
  }
  const boundaries = parsed.some((p) => p.point && !p.municipalityCode && !p.localityId) ? await municipalityBoundaries(trx, spaceCodes) : [];
  const now = writer.clock.now();
  const out: { id: string; number: number; created: boolean }[] = [];
  for (const [index, item] of parsed.entries()) {
    const field = (name: string) => (parsed.length === 1 ? name : `items.${index}.${name}`);
    const known = item.sourceRef ? bySource.get(item.source)?.get(item.sourceRef) : undefined;
    if (known) {
      const row = await findInput(trx, known);
      out.push({ id: known, number: row?.number ?? 0, created: false });
      continue;
    }
    if (item.serviceType && item.theme !== 'service') throw invalid({ [field('serviceType')]: 'validation.service_type_needs_service_theme' });
    if (item.eventId && (await eventSpaceOf(trx, item.eventId))?.space_id !== spaceId) throw invalid({ [field('eventId')]: 'validation.event_other_space' });
    let municipalityCode = item.municipalityCode ?? null;
    if (item.localityId) {
      const locality = await localityForInput(trx, item.localityId);
      if (!locality) throw invalid({ [field('localityId')]: 'validation.locality_unknown' });
      municipalityCode = locality.municipality_code;
    }
    if (municipalityCode && spaceCodes.length > 0 && !spaceCodes.includes(municipalityCode)) {
      throw invalid({ [field(item.localityId ? 'localityId' : 'municipalityCode')]: 'validation.outside_space' });
    }
    if (municipalityCode && spaceCodes.length === 0) {
      if (!(await municipalityExists(trx, municipalityCode))) throw invalid({ [field('municipalityCode')]: 'validation.municipality_unknown' });
    }
    if (!municipalityCode && item.point) municipalityCode = municipalityAt(boundaries, item.point);
    const number = await nextInputNumber(trx, spaceId);
    const { id } = await insertInput(trx, {
      space_id: spaceId,
      number,
      text: item.text,
      kind: item.kind,
      theme: item.theme ?? null,
      service_type: item.serviceType ?? null,
      goals: [...new Set(item.goals ?? [])].sort((a, b) => a - b),
      targets: normaliseTags([], item.targets ?? []).targets,
      municipality_code: municipalityCode,
      locality_id: item.localityId ?? null,
      lon: item.point?.lon ?? null,
      lat: item.point?.lat ?? null,
      source: item.source,
      channel: item.channel ?? null,
      source_ref: item.sourceRef ?? null,
      event_id: item.eventId ?? null,
      submitter_sector: item.submitterSector ?? null,
      submitter_age_group: item.submitterAgeGroup ?? null,
      submitter_email: item.submitterEmail ?? null,
      submitter_language: item.submitterLanguage ?? 'sv',
      status_changed_at: now,
      entered_by: item.source === 'form' ? null : actorId(writer.actor),
      created_at: now,
      updated_at: now,
    });
    await insertStatusChange(trx, { input_id: id, at: now, from_status: null, to_status: 'received', reason: '', changed_by: actorId(writer.actor), planned_ref_id: null, planned_ref_label: null });
    // No text and no address in the log: only what kind of input came from where.
    await recordAudit(trx, writer.clock, writer, {
      action: 'input.create',
      resourceType: 'input',
      resourceId: id,
      details: { spaceId, source: item.source, kind: item.kind, ...(item.eventId ? { eventId: item.eventId } : {}), notifies: Boolean(item.submitterEmail) },
    });
    if (item.submitterEmail && writer.mailer && writer.origin && writer.consentSecret) {
      const space = await spaceNameOf(trx, spaceId);
      const language: Language = item.submitterLanguage ?? 'sv';
      const t = (key: string, params?: Record<string, string | number>) => translate(language, key, params);
      await writer.mailer.enqueue(trx, {
        to: [item.submitterEmail],
        subject: t('mail.input_received.subject', { number, space: space?.name ?? '' }),
        text: `${t('mail.input_received.text', { number, space: space?.name ?? '', text: item.text, link: inputLink(writer.origin, spaceId, id) })}\n\n${t('mail.consent_withdraw', { link: consentLink(writer.origin, writer.consentSecret, 'input', id) })}\n\n${t('mail.signature')}`,
      });
    }
    out.push({ id, number, created: true });
  }
  return out;
}

const inputLink = (origin: string, spaceId: string, id: string) => `${origin}/spaces/${spaceId}/inputs/${id}`;

function municipalityAt(boundaries: { code: string; boundary: unknown }[], p: { lon: number; lat: number }): string | null {
  const pt = { type: 'Point' as const, coordinates: [p.lon, p.lat] };
  for (const b of boundaries) {
    if (booleanPointInPolygon(pt, b.boundary as Parameters<typeof booleanPointInPolygon>[1])) return b.code;
  }
  return null;
}

async function loadInput(deps: Deps, actor: Actor, id: string, db: Kysely<Database> = deps.db): Promise<{ row: InputRow; access: SpaceAccess }> {
  const row = await findInput(db, id);
  if (!row) throw notFound();
  const { access } = await loadSpaceAccess(deps, actor, row.space_id, db);
  if (!canViewInputs(actor, access)) throw notFound();
  if (row.hidden_at && !canSeeInputInternals(actor, access)) throw notFound();
  return { row, access };
}

export async function getInput(deps: Deps, ctx: RequestContext, id: string): Promise<InputDetail> {
  const { row, access } = await loadInput(deps, ctx.actor, id);
  const timeline = presentTimeline(await listStatusChanges(deps.db, id));
  const trail = row.measure_id ? await measureTrail(deps.db, row.measure_id) : null;
  return { ...presentInput(row, inputActions(ctx.actor, access), canSeeInputInternals(ctx.actor, access)), timeline, trail };
}

function filterOf(query: z.output<typeof inputsQuery>, internals: boolean): InputFilter {
  return {
    status: query.status,
    kind: query.kind,
    theme: query.theme,
    serviceType: query.serviceType,
    municipality: query.municipality,
    goal: query.goal,
    source: query.source,
    event: query.event,
    q: query.q,
    includeHidden: internals && query.includeHidden === true,
  };
}

export async function getSpaceInputs(deps: Deps, ctx: RequestContext, spaceId: string, query: z.output<typeof inputsQuery>): Promise<InputPage & { allowedActions: string[] }> {
  const { access } = await loadSpaceAccess(deps, ctx.actor, spaceId);
  if (!canViewInputs(ctx.actor, access)) throw notFound();
  const internals = canSeeInputInternals(ctx.actor, access);
  const filter = filterOf(query, internals);
  const [rows, total, byStatus] = await Promise.all([
    listInputs(deps.db, spaceId, filter, { limit: query.limit, offset: query.offset }),
    countInputs(deps.db, spaceId, filter),
    countByStatus(deps.db, spaceId, filter),
  ]);
  const actions = inputActions(ctx.actor, access);
  return { total, byStatus, items: rows.map((row) => presentInput(row, actions, internals)), allowedActions: inputCollectionActions(ctx.actor, access) };
}

/** The figures of a space's inputs under a filter (hidden ones left out for everyone). */
export async function getInputSummary(deps: Deps, ctx: RequestContext, spaceId: string, query: z.output<typeof inputsQuery>): Promise<InputSummary> {
  const { access } = await loadSpaceAccess(deps, ctx.actor, spaceId);
  if (!canViewInputs(ctx.actor, access)) throw notFound();
  const filter = filterOf(query, false);
  const [total, parts] = await Promise.all([countInputs(deps.db, spaceId, filter), summariseInputs(deps.db, spaceId, filter)]);
  return { total, ...(parts as Omit<InputSummary, 'total'>) };
}

/** All inputs under a filter, for the CSV and GeoJSON exports (public fields only). */
export async function getInputsForExport(deps: Deps, ctx: RequestContext, spaceId: string, query: z.output<typeof inputsQuery>): Promise<Input[]> {
  const { access } = await loadSpaceAccess(deps, ctx.actor, spaceId);
  if (!canViewInputs(ctx.actor, access)) throw notFound();
  const rows = await listInputs(deps.db, spaceId, filterOf(query, false), { limit: 50_000, offset: 0 });
  return rows.map((row) => presentInput(row, [], false));
}

/** The public form and a facilitator's entry on someone's behalf. */
export async function submitInput(deps: Deps, ctx: RequestContext, spaceId: string, body: z.output<typeof inputInput>): Promise<InputDetail> {
  const { access } = await loadSpaceAccess(deps, ctx.actor, spaceId);
  if (body.source === 'facilitator') {
    if (ctx.actor.kind !== 'user') throw unauthenticated();
    if (!canEnterOnBehalf(ctx.actor, access)) throw forbidden();
  } else if (!canSubmitInput(ctx.actor, access)) {
    throw forbidden();
  }
  if (body.eventId && !canEnterOnBehalf(ctx.actor, access)) throw invalid({ eventId: 'validation.event_only_leaders' });
  // Without an account, one address may send only so many inputs to a space in a while (counted
  // in the database for all instances; a refused or failed input does not count).
  const [created] = await deps.db.transaction().execute(async (trx) => {
    if (ctx.actor.kind === 'anonymous')
      await consumeRateLimits(trx, deps.config.sessionSecret, deps.clock.now(), [{ rule: anonymousInputsRule, key: `${spaceId}:${ctx.ip}` }]);
    const made = await createInputs(trx, { ...ctx, clock: deps.clock, mailer: deps.mailer, origin: ctx.origin, consentSecret: deps.config.sessionSecret }, spaceId, [
      { ...body, submitterLanguage: body.submitterLanguage ?? ctx.language },
    ]);
    // The space's leaders hear of it as each chose (at once, in a digest, or not).
    const space = await spaceNameOf(trx, spaceId);
    const number = made[0]!.number;
    const link = inputLink(ctx.origin, spaceId, made[0]!.id);
    await notifySpaceLeaders(
      deps,
      trx,
      spaceId,
      {
        kind: 'new_input',
        spaceId,
        title: `#${number} ${body.text.length > 80 ? `${body.text.slice(0, 80)}…` : body.text}`,
        link,
        subject: (language) => translate(language, 'mail.new_input.subject', { number, space: space?.name ?? '' }),
        text: (language) => translate(language, 'mail.new_input.text', { number, space: space?.name ?? '', text: body.text, link }),
      },
      actorId(ctx.actor),
    );
    return made;
  });
  void deps.mailer.deliverPending();
  return getInput(deps, ctx, created!.id);
}

/** What answers an input when it is planned: a measure, as the inputs' history names it. */
interface PlannedMeasure {
  id: string;
  label: string;
}

/**
 * Records a status change inside the caller's transaction: the public timeline row, the notice to
 * the submitter (if they left an address; erased once closed) and the columns to update.
 */
async function statusChange(
  trx: Kysely<Database>,
  deps: Deps,
  ctx: RequestContext,
  row: InputRow,
  status: InputDetail['status'],
  reason: string,
  measure: PlannedMeasure | null,
): Promise<Updateable<InputsTable>> {
  const now = deps.clock.now();
  const values: Updateable<InputsTable> = { status, status_changed_at: now };
  // Planned points at the measure; done keeps what answered it; any other status lets go of it.
  values.planned_ref_id = status === 'planned' ? measure!.id : status === 'done' ? row.planned_ref_id : null;
  values.planned_ref_label = status === 'planned' ? measure!.label : status === 'done' ? row.planned_ref_label : null;
  values.measure_id = status === 'planned' ? measure!.id : status === 'done' ? row.measure_id : null;
  await insertStatusChange(trx, {
    input_id: row.id,
    at: now,
    from_status: row.status,
    to_status: status,
    reason,
    planned_ref_id: values.planned_ref_id,
    planned_ref_label: values.planned_ref_label,
    changed_by: actorId(ctx.actor),
  });
  const contact = await findSubmitterContact(trx, row.id);
  if (contact?.submitter_email) {
    const space = await spaceNameOf(trx, row.space_id);
    const language = contact.submitter_language;
    const t = (key: string, params?: Record<string, string | number>) => translate(language, key, params);
    const closed = isClosedStatus(status);
    const lines = [
      t('mail.input_status.text', { number: row.number, space: space?.name ?? '', status: t(`input_status.${status}`) }),
      reason ? t('mail.input_status.reason', { reason }) : '',
      status === 'planned' ? t('mail.input_status.planned', { label: measure!.label }) : '',
      t('mail.input_status.link', { link: inputLink(ctx.origin, row.space_id, row.id) }),
      closed ? t('mail.input_status.erased') : t('mail.consent_withdraw', { link: consentLink(ctx.origin, deps.config.sessionSecret, 'input', row.id) }),
    ].filter(Boolean);
    await deps.mailer.enqueue(trx, {
      to: [contact.submitter_email],
      subject: t('mail.input_status.subject', { number: row.number, status: t(`input_status.${status}`) }),
      text: `${lines.join('\n\n')}\n\n${t('mail.signature')}`,
    });
    // Kept only as long as needed: once closed there is nothing more to tell.
    if (closed) values.submitter_email = null;
  }
  // Those who follow the input hear of it as they chose.
  const followers = await followersOfTarget(trx, 'input', row.id);
  if (followers.userIds.length) {
    const space = await spaceNameOf(trx, row.space_id);
    const link = inputLink(ctx.origin, row.space_id, row.id);
    await notifyUsers(
      deps,
      trx,
      followers.userIds.filter((u) => u !== actorId(ctx.actor)),
      {
        kind: 'input_update',
        spaceId: row.space_id,
        title: `#${row.number}: ${translate(ctx.language, `input_status.${status}`)}`,
        link,
        subject: (language) => translate(language, 'mail.input_update.subject', { number: row.number, status: translate(language, `input_status.${status}`) }),
        text: (language) => translate(language, 'mail.input_update.text', { number: row.number, space: space?.name ?? '', status: translate(language, `input_status.${status}`), link }),
      },
    );
  }
  return values;
}

/** A status change (public, with its reason; the submitter is told), a corrected classification, or hiding. */
export async function patchInput(deps: Deps, ctx: RequestContext, id: string, body: z.output<typeof inputPatch>): Promise<InputDetail> {
  const { row, access } = await loadInput(deps, ctx.actor, id);
  if (!canTriageInput(ctx.actor, access)) throw forbidden();
  const { status, reason, measureId, hidden, ...fields } = body;
  const problems: Record<string, string> = {};
  // Planned means answered by a measure of the input's own space (issue 10 §3).
  let measure: PlannedMeasure | null = null;
  if (measureId) {
    const reference = await measureReference(deps.db, measureId);
    if (!reference || reference.spaceId !== row.space_id) problems.measureId = 'validation.measure_other_space';
    else measure = { id: reference.id, label: reference.label };
  }
  const statusChanges = status !== undefined && (status !== row.status || (status === 'planned' && measureId !== row.measure_id));
  if (status !== undefined && !statusChanges) problems.status = 'validation.status_unchanged';
  if (status !== undefined && statusChanges && status !== row.status && !isAllowedTransition(row.status, status)) problems.status = 'validation.status_transition';
  const kind = fields.kind ?? row.kind;
  const theme = fields.theme !== undefined ? fields.theme : row.theme;
  const serviceType = fields.serviceType !== undefined ? fields.serviceType : theme === 'service' ? row.service_type : null;
  if (serviceType && theme !== 'service') problems.serviceType = 'validation.service_type_needs_service_theme';
  if (kind === 'need' && theme === 'service' && !serviceType && (fields.theme !== undefined || fields.serviceType !== undefined || fields.kind !== undefined)) {
    problems.serviceType = 'validation.service_type_required';
  }
  if (Object.keys(problems).length) throw invalid(problems);
  if (Object.keys(fields).length === 0 && status === undefined && hidden === undefined) throw invalid({ _: 'validation.nothing_to_change' });

  await deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    let values: Updateable<InputsTable> = { updated_at: now };
    if (fields.kind !== undefined) values.kind = fields.kind;
    if (fields.theme !== undefined || fields.serviceType !== undefined) {
      values.theme = theme;
      values.service_type = serviceType;
    }
    if (fields.goals !== undefined) values.goals = [...new Set(fields.goals)].sort((a, b) => a - b);
    if (fields.targets !== undefined) values.targets = normaliseTags([], fields.targets).targets;
    if (fields.eventId !== undefined) {
      if (fields.eventId && (await eventSpaceOf(trx, fields.eventId))?.space_id !== row.space_id) throw invalid({ eventId: 'validation.event_other_space' });
      values.event_id = fields.eventId;
    }
    if (fields.localityId !== undefined || fields.municipalityCode !== undefined || fields.point !== undefined) {
      const spaceCodes = (await spaceMunicipalityCodes(trx, row.space_id)).map((r) => r.municipality_code);
      let municipalityCode = fields.municipalityCode !== undefined ? fields.municipalityCode : row.municipality_code;
      const localityId = fields.localityId !== undefined ? fields.localityId : row.locality_id;
      if (fields.localityId) {
        const locality = await localityForInput(trx, fields.localityId);
        if (!locality) throw invalid({ localityId: 'validation.locality_unknown' });
        municipalityCode = locality.municipality_code;
      }
      if (municipalityCode && spaceCodes.length > 0 && !spaceCodes.includes(municipalityCode)) {
        throw invalid({ [fields.localityId ? 'localityId' : 'municipalityCode']: 'validation.outside_space' });
      }
      if (fields.point && fields.municipalityCode === undefined && !fields.localityId) {
        municipalityCode = municipalityAt(await municipalityBoundaries(trx, spaceCodes), fields.point) ?? municipalityCode;
      }
      values.municipality_code = municipalityCode;
      values.locality_id = localityId;
      if (fields.point !== undefined) {
        values.lon = fields.point?.lon ?? null;
        values.lat = fields.point?.lat ?? null;
      }
    }
    if (hidden !== undefined) values.hidden_at = hidden ? (row.hidden_at ?? now) : null;
    if (status !== undefined) values = { ...values, ...(await statusChange(trx, deps, ctx, row, status, reason ?? '', measure)) };
    await updateInput(trx, id, values);
    await recordAudit(trx, deps.clock, ctx, {
      action: status !== undefined ? 'input.status' : hidden !== undefined ? (hidden ? 'input.hide' : 'input.unhide') : 'input.update',
      resourceType: 'input',
      resourceId: id,
      details: { fields: Object.keys(body), ...(status !== undefined ? { from: row.status, to: status } : {}), ...(measureId ? { measureId } : {}) },
    });
  });
  void deps.mailer.deliverPending();
  return getInput(deps, ctx, id);
}

/**
 * Closes the open inputs a measure answers as done, with the measure's result as the reason,
 * inside the caller's transaction (the plans module, when a measure is marked done; the caller
 * has authorized). Each submitter who left an address is told by the usual notice. Returns how
 * many were closed. Stable for other modules: `closeInputsOfMeasure(trx, deps, ctx, measureId, result)`.
 */
export async function closeInputsOfMeasure(trx: Kysely<Database>, deps: Deps, ctx: RequestContext, measureId: string, result: string): Promise<number> {
  const open = await openInputIdsOfMeasure(trx, measureId);
  let closed = 0;
  for (const { id } of open) {
    const row = await findInput(trx, id);
    if (!row || !isAllowedTransition(row.status, 'done')) continue;
    const values = await statusChange(trx, deps, ctx, row, 'done', result, null);
    await updateInput(trx, id, { ...values, updated_at: deps.clock.now() });
    await recordAudit(trx, deps.clock, ctx, {
      action: 'input.status',
      resourceType: 'input',
      resourceId: id,
      details: { from: row.status, to: 'done', measureId, via: 'measure_done' },
    });
    closed++;
  }
  return closed;
}

/**
 * Marks an input planned with a measure of its own space inside the caller's transaction (the
 * caller has authorized): the same timeline row, notice and audit as a PATCH. The demo seeds
 * through it. Stable for other modules.
 */
export async function planInputWithMeasure(trx: Kysely<Database>, deps: Deps, ctx: RequestContext, inputId: string, measureId: string, reason: string): Promise<void> {
  const row = await findInput(trx, inputId);
  if (!row) throw notFound();
  const reference = await measureReference(trx, measureId);
  if (!reference || reference.spaceId !== row.space_id) throw invalid({ measureId: 'validation.measure_other_space' });
  if (!isAllowedTransition(row.status, 'planned')) throw invalid({ status: 'validation.status_transition' });
  const values = await statusChange(trx, deps, ctx, row, 'planned', reason, { id: reference.id, label: reference.label });
  await updateInput(trx, inputId, { ...values, updated_at: deps.clock.now() });
  await recordAudit(trx, deps.clock, ctx, { action: 'input.status', resourceType: 'input', resourceId: inputId, details: { from: row.status, to: 'planned', measureId } });
}

/** The inputs that measures answer, for the measures' pages (hidden ones left out). Stable for other modules. */
export async function inputsAnsweredBy(db: Kysely<Database>, measureIds: string[]) {
  return (await inputsOfMeasures(db, measureIds)).map((r) => ({ measureId: r.measure_id!, id: r.id, number: r.number, text: r.text, status: r.status }));
}

/**
 * The service needs raised in a space for one municipality (inputs of kind "need" with the
 * service theme), for a service plan to show beside its measures; hidden inputs are left out.
 * Stable for other modules: `listServiceNeeds(deps.db, spaceId, '2039')`.
 */
export async function listServiceNeeds(db: Kysely<Database>, spaceId: string, municipalityCode: string) {
  const rows = await listInputs(db, spaceId, { kind: 'need', theme: 'service', municipality: municipalityCode }, { limit: 5000, offset: 0 });
  return rows.map((row) => ({
    id: row.id,
    number: row.number,
    text: row.text,
    serviceType: row.service_type,
    status: row.status,
    localityId: row.locality_id,
    localityName: row.locality_name,
    point: presentInput(row, [], false).point,
    plannedRef: row.planned_ref_id ? { id: row.planned_ref_id, label: row.planned_ref_label ?? '' } : null,
    createdAt: row.created_at.toISOString(),
  }));
}

/** Agenda 2030 coverage source: inputs (needs and ideas) count for their goals and targets, with their status. */
export async function inputCoverage(deps: Deps, scope: CoverageScope): Promise<CoverageEntry[]> {
  return (await inputsInCoverageScope(deps.db, scope)).map((row) => ({
    kind: 'input',
    id: row.id,
    title: `#${row.number} ${row.text.length > 120 ? `${row.text.slice(0, 117)}…` : row.text}`,
    status: row.status,
    date: row.created_at.toISOString(),
    spaceId: row.space_id,
    municipalityCode: row.municipality_code,
    goals: goalsWithTargets(row.goals, row.targets),
    targets: row.targets,
  }));
}
