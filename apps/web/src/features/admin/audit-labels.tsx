import { isValueOf, labelKey, type LabelledEnum } from '@samhandling/contracts';
import type { TFunction } from 'i18next';
import { formatDate, formatDateTime, formatNumber, sortBy } from '../../api/format.ts';

/**
 * The audit log in words (issue 13 §4): each action the server writes (`action: '…'` in
 * apps/server/src) has a label in parts/audit-log.*.json, and the details are a list of labelled
 * fields. An action or a field without a label still reads as words, never as JSON.
 */

type Labels = Record<string, string>;

function labels(t: TFunction, key: 'actions' | 'fields' | 'resourceTypes' | `values.${string}`): Labels {
  const found = t(`auditLog.${key}`, { returnObjects: true });
  return typeof found === 'object' && found !== null ? (found as Labels) : {};
}

/** "closedInputs" or "join_request" as "closed inputs", "join request". */
export function humanize(code: string): string {
  return code
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[._-]+/g, ' ')
    .trim()
    .toLowerCase();
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function actionLabel(t: TFunction, action: string): string {
  const known = labels(t, 'actions')[action];
  if (known) return known;
  const [resource = '', ...rest] = action.split('.');
  const what = [resourceTypeLabel(t, resource), humanize(rest.join(' '))].filter(Boolean).join(' – ');
  return t('auditLog.unknownAction', { what: what || action });
}

export function resourceTypeLabel(t: TFunction, type: string): string {
  return labels(t, 'resourceTypes')[type] ?? capitalised(humanize(type));
}

/** Every kind of object the log names, in Swedish order of their labels (for the filter). */
export function resourceTypes(t: TFunction): string[] {
  const known = labels(t, 'resourceTypes');
  return sortBy(Object.keys(known), (type) => known[type]!);
}

export function fieldLabel(t: TFunction, key: string): string {
  return labels(t, 'fields')[key] ?? capitalised(humanize(key));
}

/** Detail fields whose value is always one of a contract's enums, named by that enum's labels. */
const ENUM_FIELDS: Record<string, LabelledEnum> = {
  role: 'spaceRole',
  visibility: 'spaceVisibility',
  joinPolicy: 'joinPolicy',
  sector: 'sector',
  consentMethod: 'consentMethod',
  mode: 'attendanceMode',
};

/** "kind" means something else for each kind of object: its enum by the entry's resource type. */
const KIND_BY_RESOURCE: Record<string, LabelledEnum> = {
  space: 'spaceKind',
  population: 'populationKind',
};

/** A code the server wrote ("password", "space_admin") in words, or undefined when it has none. */
function codeLabel(t: TFunction, key: string, value: string, resourceType?: string): string | undefined {
  const enumName = key === 'kind' ? (resourceType ? KIND_BY_RESOURCE[resourceType] : undefined) : ENUM_FIELDS[key];
  if (enumName && isValueOf(enumName, value)) return t(labelKey(enumName, value as never)).toLowerCase();
  const own = labels(t, `values.${key}`);
  // Own labels only: a value such as "constructor" is text, not a property of every object.
  return Object.hasOwn(own, value) ? own[value] : undefined;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/**
 * One value of the details as text: dates and numbers the Swedish way, yes/no, lists joined. The
 * entry's resource type tells what a "kind" is.
 */
export function detailValue(t: TFunction, key: string, value: unknown, resourceType?: string): string {
  if (value === null || value === undefined || value === '') return t('auditLog.none');
  if (typeof value === 'boolean') return value ? t('auditLog.yes') : t('auditLog.no');
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') {
    if (DAY.test(value)) return formatDate(`${value}T12:00:00Z`);
    if (INSTANT.test(value) && !Number.isNaN(Date.parse(value))) return formatDateTime(value);
    return codeLabel(t, key, value, resourceType) ?? value;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return t('auditLog.none');
    // A list of changed fields names them in words.
    return value.map((v) => (key === 'fields' && typeof v === 'string' ? fieldLabel(t, v).toLowerCase() : detailValue(t, key, v, resourceType))).join(', ');
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return t('auditLog.none');
    return entries.map(([k, v]) => `${fieldLabel(t, k)}: ${detailValue(t, k, v, resourceType)}`).join('; ');
  }
  return String(value);
}

/** The details of one entry as a list of labelled fields; a dash when there are none. */
export function AuditDetails({ t, details, resourceType }: { t: TFunction; details: Record<string, unknown>; resourceType: string }) {
  const entries = Object.entries(details);
  if (entries.length === 0) return <>–</>;
  return (
    <dl className="audit-details" data-testid="audit-details">
      {entries.map(([key, value]) => (
        <div key={key} className="audit-details__row">
          <dt>{fieldLabel(t, key)}</dt>
          <dd>{detailValue(t, key, value, resourceType)}</dd>
        </div>
      ))}
    </dl>
  );
}
