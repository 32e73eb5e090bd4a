import type { TFunction } from 'i18next';

export const EVENT_KINDS = ['kick_off', 'village_forum', 'knowledge_dialogue', 'workshop', 'seminar', 'test_session', 'other'] as const;
export const QUESTIONS = ['organisation', 'sector', 'age_group', 'dietary_needs', 'accessibility_needs'] as const;
export const MODES = ['on_site', 'online'] as const;

export const eventKindLabel = (t: TFunction, v: string) => t(`events.kind.${v}`);
export const modeLabel = (t: TFunction, v: string) => t(`events.mode.${v}`);
export const questionLabel = (t: TFunction, v: string) => t(`events.question.${v}`);
export const registrationStatusLabel = (t: TFunction, v: string) => t(`events.status.${v}`);
