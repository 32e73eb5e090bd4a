import type { PlanAnalysisFigures, PlanComment, PlanContent, PlanFollowUp, PlanNeed, PlanVersionSummary } from '@samhandling/contracts';
import { MEASURE_STATUSES } from '@samhandling/contracts';
import type { Language } from '../../../platform/messages.ts';
import { municipalityFullName } from '../../geography/municipality/municipality-name.ts';
import { documentText, formatters } from './document-labels.ts';
import { barChartSvg, CLASS_COLOURS, planMapSvg, type Geometry, type MapPlace } from './figures.ts';

/** A plan document independent of its format; the DOCX and PDF writers and the print view share it. */
export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string; muted?: boolean }
  | { kind: 'list'; items: string[]; numbered?: boolean }
  | { kind: 'table'; caption: string; headers: string[]; rows: string[][]; numeric?: number[]; testId?: string }
  | { kind: 'figure'; svg: string; alt: string; caption: string; width: number; height: number };

export interface PlanDocument {
  language: Language;
  title: string;
  subtitle: string;
  municipalityName: string;
  meta: [string, string][];
  blocks: Block[];
}

export interface PlanDocumentInput {
  language: Language;
  title: string;
  municipalityName: string;
  spaceName: string;
  periodStart: string;
  periodEnd: string;
  status: 'draft' | 'consultation' | 'adopted';
  /** The version shown, or null for the working copy. */
  version: { number: number; status: 'consultation' | 'adopted'; consultationEndsOn: string | null; decisionBody: string | null; decisionDate: string | null; minuteReference: string | null } | null;
  content: PlanContent;
  analysis: PlanAnalysisFigures | null;
  needs: PlanNeed[];
  followUps: PlanFollowUp[];
  comments: PlanComment[];
  versions: PlanVersionSummary[];
  boundary: Geometry;
  localities: { id: string; name: string; lon: number; lat: number }[];
  servicePoints: { name: string; lon: number; lat: number }[];
  exportedAt: Date;
}

function paragraphs(text: string): Block[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => ({ kind: 'paragraph' as const, text: p }));
}

const noBreak = (text: string) => text.replace(/ /g, '\u00a0');

function svgSize(svg: string): { width: number; height: number } {
  const match = /width="(\d+)" height="(\d+)"/.exec(svg);
  return { width: Number(match?.[1] ?? 800), height: Number(match?.[2] ?? 600) };
}

export function mapFigure(input: Pick<PlanDocumentInput, 'language' | 'municipalityName' | 'boundary' | 'localities' | 'servicePoints' | 'content'>): Extract<Block, { kind: 'figure' }> {
  const t = documentText(input.language);
  const levels = new Map(input.content.levels.map((l) => [l.localityId, l.level]));
  const places: MapPlace[] = input.localities.map((l) => ({ name: l.name, lon: l.lon, lat: l.lat, level: levels.get(l.id) ?? null }));
  const title = t('map', { municipality: input.municipalityName, municipalityFull: municipalityFullName(input.municipalityName) });
  const svg = planMapSvg({
    title,
    boundary: input.boundary,
    places,
    points: input.servicePoints,
    legend: { service_town: t('level.service_town'), service_node: t('level.service_node'), service_point: t('level.service_point'), locality: t('otherLocality'), servicePoint: t('servicePoint') },
  });
  return { kind: 'figure', svg, alt: title, caption: t('mapCaption'), ...svgSize(svg) };
}

export function analysisFigure(language: Language, analysis: PlanAnalysisFigures): Extract<Block, { kind: 'figure' }> | null {
  if (!analysis.available || analysis.types.length === 0) return null;
  const t = documentText(language);
  const f = formatters(language);
  const svg = barChartSvg({
    title: t('analysisChart'),
    rows: analysis.types.map((type) => ({ label: t(`type.${type.type}`), segments: type.classes.map((c) => ({ label: t('minutes', { label: c.label }), value: c.population })) })),
    colours: CLASS_COLOURS,
    valueLabel: f.number,
    mode: 'share',
  });
  return { kind: 'figure', svg, alt: t('analysisChart'), caption: t('analysisCaption'), ...svgSize(svg) };
}

export function measuresFigure(language: Language, measures: PlanContent['measures']): Extract<Block, { kind: 'figure' }> | null {
  if (measures.length === 0) return null;
  const t = documentText(language);
  const f = formatters(language);
  const svg = barChartSvg({
    title: t('measuresChart'),
    rows: MEASURE_STATUSES.map((s) => ({ label: t(`measure.${s}`), segments: [{ label: t('count'), value: measures.filter((m) => m.status === s).length }] })),
    colours: ['#1b6b52'],
    valueLabel: f.number,
    mode: 'count',
  });
  return { kind: 'figure', svg, alt: t('measuresChart'), caption: t('measuresChart'), ...svgSize(svg) };
}

/** The plan in one paragraph, first in every document: what it sets and what it costs. */
export function summaryText(input: Pick<PlanDocumentInput, 'language' | 'municipalityName' | 'content' | 'needs'>): string {
  const t = documentText(input.language);
  const f = formatters(input.language);
  const { levels, goals, measures } = input.content;
  const cost = measures.reduce((sum, m) => sum + (m.costSek ?? 0), 0);
  const towns = levels.filter((l) => l.level === 'service_town').map((l) => l.localityName);
  return [
    t('summaryCounts', { levels: f.number(levels.length), goals: f.number(goals.length), measures: f.number(measures.length), needs: f.number(input.needs.length) }),
    ...(cost > 0 ? [t('summaryCost', { cost: f.number(cost) })] : []),
    ...(towns.length > 0 ? [t('summaryTowns', { towns: towns.join(', ') })] : []),
  ].join(' ');
}

export function buildPlanDocument(input: PlanDocumentInput): PlanDocument {
  const t = documentText(input.language);
  const f = formatters(input.language);
  const { content } = input;
  const period = `${input.periodStart.slice(0, 4)}–${input.periodEnd.slice(0, 4)}`;
  const meta: [string, string][] = [
    [t('municipality'), input.municipalityName],
    [t('period'), `${f.date(input.periodStart)} – ${f.date(input.periodEnd)}`],
    [t('status'), t(`status.${input.version?.status ?? input.status}`)],
    [t('version'), input.version ? String(input.version.number) : t('workingCopy')],
  ];
  if (input.version?.consultationEndsOn) meta.push([t('consultationUntil'), f.date(input.version.consultationEndsOn)]);
  if (input.version?.decisionBody && input.version.decisionDate && input.version.minuteReference) {
    meta.push([t('decision'), t('decisionText', { body: input.version.decisionBody, date: f.date(input.version.decisionDate), minute: input.version.minuteReference })]);
  }
  meta.push([t('space'), input.spaceName], [t('exported'), f.date(input.exportedAt.toISOString())]);

  const blocks: Block[] = [];
  blocks.push({ kind: 'heading', level: 2, text: t('summary') });
  blocks.push({ kind: 'paragraph', text: summaryText(input) });
  blocks.push({ kind: 'heading', level: 2, text: t('background') });
  const background = paragraphs(content.background);
  blocks.push(...(background.length > 0 ? background : [{ kind: 'paragraph' as const, text: t('noBackground'), muted: true }]));
  if (content.links.length > 0) {
    blocks.push({ kind: 'heading', level: 3, text: t('links') });
    blocks.push({ kind: 'list', items: content.links.map((l) => [l.title, l.url, l.note].filter(Boolean).join(' – ')) });
  }

  blocks.push({ kind: 'heading', level: 2, text: t('levels') });
  blocks.push(mapFigure(input));
  if (content.levels.length === 0) blocks.push({ kind: 'paragraph', text: t('noLevels'), muted: true });
  else
    blocks.push({
      kind: 'table',
      caption: t('levelsCaption'),
      headers: [t('locality'), t('level'), t('targetServices'), t('note')],
      rows: content.levels.map((l) => [l.localityName, t(`level.${l.level}`), l.targetServices.map((s) => t(`service.${s}`)).join(', '), l.note]),
    });

  blocks.push({ kind: 'heading', level: 2, text: t('analysis') });
  if (!content.analysisId || !input.analysis) blocks.push({ kind: 'paragraph', text: t('noAnalysis'), muted: true });
  else {
    blocks.push({ kind: 'paragraph', text: `${t('analysisId')}: ${content.analysisId}`, muted: true });
    const chart = analysisFigure(input.language, input.analysis);
    if (!chart) blocks.push({ kind: 'paragraph', text: t('analysisUnavailable') });
    else {
      if (input.analysis.straightLine) blocks.push({ kind: 'paragraph', text: t('straightLine') });
      blocks.push(chart);
      const labels = input.analysis.types[0]?.classes.map((c) => c.label) ?? [];
      blocks.push({
        kind: 'table',
        caption: t('analysisCaption'),
        headers: [t('serviceType'), ...labels.map((l) => t('minutes', { label: l }))],
        rows: input.analysis.types.map((type) => [t(`type.${type.type}`), ...labels.map((l) => f.number(type.classes.find((c) => c.label === l)?.population ?? 0))]),
        numeric: labels.map((_, i) => i + 1),
      });
    }
  }

  blocks.push({ kind: 'heading', level: 2, text: t('needs') });
  if (input.needs.length === 0) blocks.push({ kind: 'paragraph', text: t('noNeeds'), muted: true });
  else blocks.push({ kind: 'list', items: input.needs.map((n) => `${[n.title, n.localityName].filter(Boolean).join(' – ')} (${t(`need.${n.status}`)})`) });

  blocks.push({ kind: 'heading', level: 2, text: t('goals') });
  if (content.goals.length === 0) blocks.push({ kind: 'paragraph', text: t('noGoals'), muted: true });
  else blocks.push({ kind: 'list', numbered: true, items: content.goals.map((g) => (g.indicator ? `${g.text} (${t('indicator')}: ${g.indicator})` : g.text)) });

  blocks.push({ kind: 'heading', level: 2, text: t('measures') });
  if (content.measures.length === 0) blocks.push({ kind: 'paragraph', text: t('noMeasures'), muted: true });
  else {
    blocks.push({
      kind: 'table',
      caption: t('measuresCaption'),
      testId: 'measures',
      headers: [t('measure'), t('where'), t('organisations'), t('when'), t('cost'), t('status')],
      rows: content.measures.map((m) => [
        m.description ? `${m.title}: ${m.description}` : m.title,
        [m.localityName, m.place].filter(Boolean).join(', '),
        m.organisationNames.join(', '),
        // A date stays on one line ("31 december 2026"); the line may break at the dash between two.
        [m.startDate ? f.date(m.startDate) : '', m.endDate ? f.date(m.endDate) : ''].filter(Boolean).map(noBreak).join(' – '),
        m.costSek === null ? '' : f.number(m.costSek),
        t(`measure.${m.status}`) + (m.scenarioId ? ` (${t('scenario')} ${m.scenarioId.slice(0, 8)})` : ''),
      ]),
      numeric: [4],
    });
    const chart = measuresFigure(input.language, content.measures);
    if (chart) blocks.push(chart);
  }

  blocks.push({ kind: 'heading', level: 2, text: t('followUp') });
  if (input.followUps.length === 0) blocks.push({ kind: 'paragraph', text: t('noFollowUp'), muted: true });
  for (const fu of input.followUps) {
    blocks.push({ kind: 'heading', level: 3, text: t('followUpYear', { year: fu.year }) });
    blocks.push(...paragraphs(fu.summary));
    if (fu.measures.length > 0) {
      blocks.push({
        kind: 'table',
        caption: t('followUpYear', { year: fu.year }),
        headers: [t('measure'), t('status'), t('note')],
        rows: fu.measures.map((m) => [m.measureTitle ?? '–', t(`measure.${m.status}`), m.note]),
      });
    }
  }

  const published = input.comments.filter((c) => c.status === 'published');
  if (input.versions.some((v) => v.status === 'consultation')) {
    blocks.push({ kind: 'heading', level: 2, text: t('comments') });
    if (published.length === 0) blocks.push({ kind: 'paragraph', text: t('noComments'), muted: true });
    for (const c of published) {
      blocks.push({ kind: 'paragraph', text: `${f.date(c.createdAt)} – ${c.authorName ?? t('anonymous')}${c.localityName ? `, ${c.localityName}` : ''}: ${c.body}` });
      if (c.response) blocks.push({ kind: 'paragraph', text: `${t('answer')}: ${c.response}`, muted: true });
    }
  }

  if (input.versions.length > 0) {
    blocks.push({ kind: 'heading', level: 2, text: t('versions') });
    blocks.push({
      kind: 'table',
      caption: t('versionsCaption'),
      headers: [t('version'), t('status'), t('created'), t('decision')],
      rows: input.versions.map((v) => [
        String(v.number),
        t(`status.${v.status}`),
        f.date(v.createdAt),
        v.decisionBody && v.decisionDate ? t('decisionText', { body: v.decisionBody, date: f.date(v.decisionDate), minute: v.minuteReference ?? '' }) : v.consultationEndsOn ? `${t('consultationUntil')} ${f.date(v.consultationEndsOn)}` : '',
      ]),
    });
  }

  return { language: input.language, title: input.title, subtitle: t('subtitle', { municipality: input.municipalityName, municipalityFull: municipalityFullName(input.municipalityName), period }), municipalityName: input.municipalityName, meta, blocks };
}
