import { z } from 'zod';
import { ageGroup, collaborationSource, collaborationType, consentMethod, frequency, importKind, level, organisationType, sector } from './actors.ts';
import { agreementStatus } from './agreements.ts';
import { initiativeStatus } from './alliances.ts';
import { analysisServiceType, jobStatus, populationKind, roadClass } from './analyses.ts';
import { figureKey } from './dashboards.ts';
import { attendanceMode, documentKind, eventKind, registrationQuestion, registrationStatus } from './dialogues.ts';
import { feedbackQuestionKind } from './feedback.ts';
import { balanceKey, groupKind } from './groups.ts';
import { inputChannel, inputKind, inputServiceType, inputSource, inputStatus, inputTheme, submitterSector } from './inputs.ts';
import { libraryKind } from './library.ts';
import { followKind, notificationKind, notificationMode } from './notifications.ts';
import { actionMeasureStatus, indicatorDirection } from './plans.ts';
import { criterionKind, stepStatus } from './processes.ts';
import { measureStatus, plannedService, serviceLevel, servicePlanStatus } from './service-plans.ts';
import { ENGINE_SERVICE_TYPES, serviceKind, servicePointStatus, supportKind } from './service-points.ts';
import { joinPolicy, spaceKind, spaceRole, spaceVisibility } from './spaces.ts';

/**
 * Every enum the UI names, with where its labels live in the web's message catalogues
 * (`actors.sector` → `actors.sector.public` = "Offentlig sektor"). The web takes its choices and
 * label keys from here only, so a value added to a contract shows up in every form and list.
 */
export const labelled = {
  sector: { schema: sector, key: 'actors.sector' },
  organisationType: { schema: organisationType, key: 'actors.type' },
  level: { schema: level, key: 'actors.level' },
  collaborationType: { schema: collaborationType, key: 'actors.collaborationType' },
  frequency: { schema: frequency, key: 'actors.frequency' },
  collaborationSource: { schema: collaborationSource, key: 'actors.source' },
  consentMethod: { schema: consentMethod, key: 'people.method' },
  ageGroup: { schema: ageGroup, key: 'people.ageGroup' },
  importKind: { schema: importKind, key: 'import.kinds' },
  spaceKind: { schema: spaceKind, key: 'space.kind' },
  spaceRole: { schema: spaceRole, key: 'space.role' },
  spaceVisibility: { schema: spaceVisibility, key: 'space.visibility' },
  joinPolicy: { schema: joinPolicy, key: 'inviting.joinSpace.policy' },
  groupKind: { schema: groupKind, key: 'groups.kind' },
  balanceKey: { schema: balanceKey, key: 'groups.balanceKey' },
  eventKind: { schema: eventKind, key: 'events.kind' },
  attendanceMode: { schema: attendanceMode, key: 'events.mode' },
  registrationQuestion: { schema: registrationQuestion, key: 'events.question' },
  registrationStatus: { schema: registrationStatus, key: 'events.status' },
  documentKind: { schema: documentKind, key: 'events.documents.kind' },
  inputKind: { schema: inputKind, key: 'inputs.kind' },
  inputTheme: { schema: inputTheme, key: 'inputs.theme' },
  inputServiceType: { schema: inputServiceType, key: 'inputs.serviceType' },
  inputStatus: { schema: inputStatus, key: 'inputs.status' },
  inputSource: { schema: inputSource, key: 'inputs.source' },
  inputChannel: { schema: inputChannel, key: 'inputs.channel' },
  submitterSector: { schema: submitterSector, key: 'inputs.sector' },
  inputAgeGroup: { schema: ageGroup, key: 'inputs.ageGroup' },
  serviceKind: { schema: serviceKind, key: 'servicePoints.kinds' },
  servicePointType: { schema: z.enum(ENGINE_SERVICE_TYPES), key: 'servicePoints.types' },
  analysisServiceType: { schema: analysisServiceType, key: 'analyses.types' },
  servicePointStatus: { schema: servicePointStatus, key: 'servicePoints.status' },
  supportKind: { schema: supportKind, key: 'servicePoints.supportKinds' },
  jobStatus: { schema: jobStatus, key: 'analyses.status' },
  populationKind: { schema: populationKind, key: 'analyses.population.kind' },
  servicePlanStatus: { schema: servicePlanStatus, key: 'servicePlans.status' },
  serviceLevel: { schema: serviceLevel, key: 'servicePlans.level' },
  plannedService: { schema: plannedService, key: 'servicePlans.service' },
  measureStatus: { schema: measureStatus, key: 'servicePlans.measureStatus' },
  roadClass: { schema: roadClass, key: 'mapRoads.class' },
  agreementStatus: { schema: agreementStatus, key: 'agreements.status' },
  initiativeStatus: { schema: initiativeStatus, key: 'alliances.statuses' },
  libraryKind: { schema: libraryKind, key: 'library.kinds' },
  actionMeasureStatus: { schema: actionMeasureStatus, key: 'actionPlans.measureStatus' },
  indicatorDirection: { schema: indicatorDirection, key: 'actionPlans.direction' },
  criterionKind: { schema: criterionKind, key: 'editors.template.criterionKind' },
  stepStatus: { schema: stepStatus, key: 'process.view.status' },
  feedbackQuestionKind: { schema: feedbackQuestionKind, key: 'editors.feedback.kinds' },
  figureKey: { schema: figureKey, key: 'process.dashboard.figure' },
  followKind: { schema: followKind, key: 'newsNotify.followKinds' },
  notificationKind: { schema: notificationKind, key: 'newsNotify.kinds' },
  notificationMode: { schema: notificationMode, key: 'newsNotify.modes' },
} as const;

export type Labelled = typeof labelled;
export type LabelledEnum = keyof Labelled;
/** A value of a labelled enum, e.g. `LabelledValue<'sector'>` = 'public' | 'private' | … */
export type LabelledValue<N extends LabelledEnum> = z.output<Labelled[N]['schema']>;

/** The values of an enum, in the contract's order (for selects and legends). */
export function valuesOf<N extends LabelledEnum>(name: N): readonly LabelledValue<N>[] {
  return labelled[name].schema.options as readonly unknown[] as readonly LabelledValue<N>[];
}

/** The message key naming one value of an enum, e.g. `labelKey('sector', 'public')` = 'actors.sector.public'. */
export function labelKey<N extends LabelledEnum>(name: N, value: LabelledValue<N>): `${Labelled[N]['key']}.${LabelledValue<N>}` {
  return `${labelled[name].key}.${value}` as `${Labelled[N]['key']}.${LabelledValue<N>}`;
}

/** Whether a string (a select's value, a URL parameter) is one of an enum's values. */
export function isValueOf<N extends LabelledEnum>(name: N, value: unknown): value is LabelledValue<N> {
  return (labelled[name].schema.options as readonly unknown[]).includes(value);
}
