import type { MeasureStatus, PlannedService, ServiceLevel, ServicePlanStatus } from '@samhandling/contracts';
import type { TFunction } from 'i18next';
import { enumLabel } from '../../../i18n/labels.ts';

export const statusLabel = (t: TFunction, s: ServicePlanStatus) => enumLabel(t, 'servicePlanStatus', s);
export const levelLabel = (t: TFunction, l: ServiceLevel) => enumLabel(t, 'serviceLevel', l);
export const serviceLabel = (t: TFunction, s: PlannedService) => enumLabel(t, 'plannedService', s);
export const measureStatusLabel = (t: TFunction, s: MeasureStatus) => enumLabel(t, 'measureStatus', s);
export const periodText = (start: string, end: string) => `${start.slice(0, 4)}–${end.slice(0, 4)}`;
