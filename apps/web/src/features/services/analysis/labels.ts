import { valuesOf, type AnalysisServiceType } from '@samhandling/contracts';
import type { TFunction } from 'i18next';
import { enumLabel } from '../../../i18n/labels.ts';

export const TYPES = valuesOf('analysisServiceType');

export const typeLabel = (t: TFunction, type: string) => enumLabel(t, 'analysisServiceType', type);

/** Travel-time classes from near (green) to far (red), distinguishable in greyscale and for red–green colour blindness by lightness. */
const CLASS_COLOURS = ['#1a7340', '#7fbf4d', '#f0b43c', '#d2632b', '#8c1d18', '#4a0d0a'];
export const NO_RESULT_COLOUR = '#6b6b6b';

export function classColour(index: number, classes: number): string {
  if (classes <= 1) return CLASS_COLOURS[0]!;
  const k = Math.round((index * (CLASS_COLOURS.length - 1)) / Math.max(classes - 1, 1));
  return CLASS_COLOURS[Math.min(k, CLASS_COLOURS.length - 1)]!;
}

export const TYPE_COLOURS: Record<AnalysisServiceType, string> = {
  groceries: '#0b5cad',
  fuel: '#6a3d9a',
  pharmacy: '#b0006e',
  post: '#a35200',
  payment: '#00696b',
};

/** "<5" → "under 5 min", "5–10" → "5–10 min", ">30" → "över 30 min". */
export function classLabel(t: TFunction, label: string): string {
  if (label.startsWith('<')) return t('analyses.class.under', { min: label.slice(1) });
  if (label.startsWith('>')) return t('analyses.class.over', { min: label.slice(1) });
  return t('analyses.class.between', { range: label });
}

export function minutes(seconds: number | null | undefined): number | null {
  return seconds === null || seconds === undefined ? null : seconds / 60;
}

/** The index of the class a travel time falls in (thresholds in minutes), or -1 for none. */
export function classIndex(seconds: number | null, thresholdsMin: number[]): number {
  if (seconds === null) return -1;
  const m = seconds / 60;
  for (let i = 0; i < thresholdsMin.length; i++) if (m < thresholdsMin[i]!) return i;
  return thresholdsMin.length;
}
