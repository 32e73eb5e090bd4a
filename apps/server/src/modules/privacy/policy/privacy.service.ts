import type { PrivacyPolicy, ProcessingActivity } from '@samhandling/contracts';
import { privacyOf } from '../../../config.ts';
import { isPlatformAdmin, type RequestContext } from '../../../platform/actor.ts';
import type { Deps } from '../../../platform/deps.ts';
import { notFound } from '../../../platform/errors.ts';
import type { Language } from '../../../platform/messages.ts';
import { processingActivities } from './processing-activities.ts';

/** The privacy page's content, generated from the configuration (controller, retention). */
export function getPrivacyPolicy(deps: Deps, language: Language): PrivacyPolicy {
  const privacy = privacyOf(deps.config);
  return {
    language,
    controller: { name: privacy.controllerName ?? null, contact: privacy.controllerContact ?? null, configured: Boolean(privacy.controllerName && privacy.controllerContact) },
    dpoContact: privacy.dpoContact ?? null,
    retention: privacy.retention,
    activities: processingActivities(language, privacy),
  };
}

/** The register of processing activities (GDPR art. 30) for platform admins. */
export function getProcessingRegister(deps: Deps, ctx: RequestContext, language: Language): { controller: PrivacyPolicy['controller']; activities: ProcessingActivity[] } {
  if (!isPlatformAdmin(ctx.actor)) throw notFound();
  const policy = getPrivacyPolicy(deps, language);
  return { controller: policy.controller, activities: policy.activities };
}

const COLUMNS: { key: keyof ProcessingActivity; sv: string; en: string }[] = [
  { key: 'name', sv: 'Behandling', en: 'Processing' },
  { key: 'purpose', sv: 'Ändamål', en: 'Purpose' },
  { key: 'legalBasis', sv: 'Rättslig grund', en: 'Legal basis' },
  { key: 'dataSubjects', sv: 'Kategorier av registrerade', en: 'Categories of data subjects' },
  { key: 'dataCategories', sv: 'Kategorier av personuppgifter', en: 'Categories of personal data' },
  { key: 'recipients', sv: 'Mottagare', en: 'Recipients' },
  { key: 'transfers', sv: 'Överföring till tredje land', en: 'Transfers to third countries' },
  { key: 'retention', sv: 'Lagringstid', en: 'Retention' },
  { key: 'security', sv: 'Säkerhetsåtgärder', en: 'Security measures' },
];

/** One CSV cell: quoted, and a leading = + - @ tab or CR neutralised (OWASP's rule), so no spreadsheet runs it. */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function registerToCsv(register: { controller: PrivacyPolicy['controller']; activities: ProcessingActivity[] }, language: Language): string {
  const controllerLabel = language === 'sv' ? 'Personuppgiftsansvarig' : 'Controller';
  const controller = [register.controller.name, register.controller.contact].filter(Boolean).join(', ') || (language === 'sv' ? 'Inte inställt' : 'Not configured');
  const lines = [
    [controllerLabel, ...COLUMNS.map((c) => c[language])].map(cell).join(','),
    ...register.activities.map((a) => [controller, ...COLUMNS.map((c) => a[c.key])].map(cell).join(',')),
  ];
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
