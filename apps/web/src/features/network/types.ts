import type { NetworkEdge } from '@samhandling/contracts';

export interface Snapshot {
  id: string;
  name: string;
  takenAt: string;
  at: string;
  nodeCount: number;
  edgeCount: number;
}

export interface Change {
  before: number;
  after: number;
  change: number;
}

export interface SnapshotComparison {
  baseline: Snapshot;
  newCollaborations: NetworkEdge[];
  endedCollaborations: NetworkEdge[];
  crossSectorShare: Change;
  sectorDegree: Record<string, Change>;
  nodeCount: { before: number; after: number };
  edgeCount: { before: number; after: number };
}

export interface ImportResult {
  dryRun: boolean;
  created: number;
  updated: number;
  errors: { line: number; message: string }[];
}

export interface Survey {
  id: string;
  title: string;
  createdAt: string;
  invited: number;
  responded: number;
  responseRate: number;
  recipients: { organisationId: string; organisationName: string; email: string; respondedAt: string | null; remindedAt: string | null }[];
}

export interface SurveyForm {
  surveyTitle: string;
  spaceName: string;
  message: string;
  organisation: { id: string; name: string };
  registry: { id: string; name: string; sector: string; municipalityCode: string | null }[];
  answers: { organisationId: string; type: string; frequency: string }[];
}

const percent = new Intl.NumberFormat('sv-SE', { style: 'percent', maximumFractionDigits: 1 });
const decimal = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 3 });
const signedPoints = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1, signDisplay: 'exceptZero' });
const signed = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 2, signDisplay: 'exceptZero' });

/** Shares as Swedish percentages ("42,9 %"), whatever the UI language: figures stay comparable. */
export const formatPercent = (share: number | null | undefined) => (share === null || share === undefined ? '–' : percent.format(share));
export const formatDecimal = (n: number | null | undefined) => (n === null || n === undefined ? '–' : decimal.format(n));
/** A change in a share, in percentage points ("+14,3"). */
export const formatPoints = (change: number) => signedPoints.format(change * 100);
export const formatChange = (change: number) => signed.format(change);
