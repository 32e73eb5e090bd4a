import { valuesOf } from '@samhandling/contracts';
import type { TFunction } from 'i18next';
import { enumLabel } from '../../../i18n/labels.ts';

export const EVENT_KINDS = valuesOf('eventKind');
export const QUESTIONS = valuesOf('registrationQuestion');
export const MODES = valuesOf('attendanceMode');

export const eventKindLabel = (t: TFunction, v: string) => enumLabel(t, 'eventKind', v);
export const modeLabel = (t: TFunction, v: string) => enumLabel(t, 'attendanceMode', v);
export const questionLabel = (t: TFunction, v: string) => enumLabel(t, 'registrationQuestion', v);
export const registrationStatusLabel = (t: TFunction, v: string) => enumLabel(t, 'registrationStatus', v);
