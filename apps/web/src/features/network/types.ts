import type { SnapshotComparison } from '@samhandling/contracts';

// The shapes come from the contracts; these names are kept for the pages that import them from here.
export type { ImportResult, Snapshot, SnapshotComparison, Survey, SurveyForm } from '@samhandling/contracts';
export type Change = SnapshotComparison['crossSectorShare'];

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
