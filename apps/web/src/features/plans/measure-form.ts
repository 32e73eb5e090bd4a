import type { Measure, MeasurePatch } from '@samhandling/contracts';

/**
 * The measure editor's draft: every field as the form holds it (numbers as typed text, empty
 * strings for nothing), and the step from draft to the PATCH body, which also finds the numbers
 * that are not numbers before anything is sent.
 */

let nextKey = 0;
/** A stable React key for a row that may be removed from the middle of its list. */
export const rowKey = () => `row-${++nextKey}`;

export interface ParticipantDraft {
  key: string;
  organisationId: string;
  what: string;
  hours: string;
  moneySek: string;
  youth: boolean;
}
export interface MilestoneDraft {
  key: string;
  title: string;
  date: string;
  done: boolean;
}
export interface FundingDraft {
  key: string;
  source: string;
  amountSek: string;
}
export interface LinkDraft {
  key: string;
  title: string;
  url: string;
}

export interface MeasureDraft {
  title: string;
  description: string;
  responsibleOrganisationId: string;
  /** '' for none. Sent only when changed, so a locality's municipality is not overwritten by accident. */
  municipalityCode: string;
  initialMunicipalityCode: string;
  place: string;
  startDate: string;
  endDate: string;
  budgetSek: string;
  participants: ParticipantDraft[];
  milestones: MilestoneDraft[];
  funding: FundingDraft[];
  links: LinkDraft[];
  goals: number[];
  targets: string[];
}

export const emptyParticipant = (): ParticipantDraft => ({
  key: rowKey(),
  organisationId: '',
  what: '',
  hours: '',
  moneySek: '',
  youth: false,
});
export const emptyMilestone = (): MilestoneDraft => ({ key: rowKey(), title: '', date: '', done: false });
export const emptyFunding = (): FundingDraft => ({ key: rowKey(), source: '', amountSek: '' });
export const emptyLink = (): LinkDraft => ({ key: rowKey(), title: '', url: '' });

/** A number as people write it in Swedish: "1 500", "1500,5", "2.5"; null when empty, NaN when not a number. */
export function parseSwedishNumber(text: string): number | null {
  const s = text.replace(/[\s\u00a0\u202f]/g, '').replace(/kr$/i, '');
  if (s === '') return null;
  if (!/^-?\d+([.,]\d+)?$/.test(s)) return Number.NaN;
  return Number(s.replace(',', '.'));
}

const asText = (n: number | null) => (n === null ? '' : String(n).replace('.', ','));

export function draftOf(m: Measure): MeasureDraft {
  return {
    title: m.title,
    description: m.description,
    responsibleOrganisationId: m.responsibleOrganisation?.id ?? '',
    municipalityCode: m.municipalityCode ?? '',
    initialMunicipalityCode: m.municipalityCode ?? '',
    place: m.place,
    startDate: m.startDate ?? '',
    endDate: m.endDate ?? '',
    budgetSek: asText(m.budgetSek),
    participants: m.participants.map((p) => ({
      key: rowKey(),
      organisationId: p.organisationId,
      what: p.what,
      hours: asText(p.hours),
      moneySek: asText(p.moneySek),
      youth: p.youth,
    })),
    milestones: m.milestones.map((x) => ({ key: rowKey(), title: x.title, date: x.date, done: x.done })),
    funding: m.funding.map((f) => ({ key: rowKey(), source: f.source, amountSek: asText(f.amountSek) })),
    links: m.links.map((l) => ({ key: rowKey(), title: l.title, url: l.url })),
    goals: m.goals,
    targets: m.targets,
  };
}

/** The problems the browser finds itself, as field paths like the API's. */
export type LocalProblems = Record<string, 'number' | 'wholeNumber'>;

/** The PATCH body for the draft, or the fields whose numbers cannot be read. */
export function patchOf(d: MeasureDraft): { body: MeasurePatch; problems: LocalProblems } {
  const problems: LocalProblems = {};
  const num = (path: string, text: string, whole: boolean) => {
    const n = parseSwedishNumber(text);
    if (n !== null && Number.isNaN(n)) problems[path] = 'number';
    else if (n !== null && whole && !Number.isInteger(n)) problems[path] = 'wholeNumber';
    return n === null || Number.isNaN(n) ? null : n;
  };
  const body: MeasurePatch = {
    title: d.title,
    description: d.description,
    responsibleOrganisationId: d.responsibleOrganisationId || null,
    ...(d.municipalityCode !== d.initialMunicipalityCode ? { municipalityCode: d.municipalityCode || null, localityId: null } : {}),
    place: d.place,
    startDate: d.startDate || null,
    endDate: d.endDate || null,
    budgetSek: num('budgetSek', d.budgetSek, true),
    participants: d.participants.map((p, i) => ({
      organisationId: p.organisationId,
      what: p.what,
      hours: num(`participants.${i}.hours`, p.hours, false),
      moneySek: num(`participants.${i}.moneySek`, p.moneySek, true),
      youth: p.youth,
    })),
    milestones: d.milestones.map((m) => ({ title: m.title, date: m.date, done: m.done })),
    funding: d.funding.map((f, i) => ({ source: f.source, amountSek: num(`funding.${i}.amountSek`, f.amountSek, true) })),
    links: d.links.map((l) => ({ title: l.title, url: l.url })),
    goals: d.goals,
    targets: d.targets,
  };
  return { body, problems };
}
