import type { MeasureStatus, PlannedService, ServiceLevel, ServicePlanStatus } from '@samhandling/contracts';
import type { TFunction } from 'i18next';

export const statusLabel = (t: TFunction, s: ServicePlanStatus | 'consultation' | 'adopted') => t(`servicePlans.status.${s}`);
export const levelLabel = (t: TFunction, l: ServiceLevel) => t(`servicePlans.level.${l}`);
export const serviceLabel = (t: TFunction, s: PlannedService) => t(`servicePlans.service.${s}`);
export const measureStatusLabel = (t: TFunction, s: MeasureStatus) => t(`servicePlans.measureStatus.${s}`);
export const periodText = (start: string, end: string) => `${start.slice(0, 4)}–${end.slice(0, 4)}`;
