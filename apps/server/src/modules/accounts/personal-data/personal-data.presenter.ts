import type { Language } from '../../../platform/messages.ts';
import type { PersonalDataExport } from './personal-data.service.ts';

const SECTION_TITLES: Record<string, { sv: string; en: string }> = {
  account: { sv: 'Konto', en: 'Account' },
  profile: { sv: 'Profil', en: 'Profile' },
  sessions: { sv: 'Inloggningar (sessioner)', en: 'Sign-ins (sessions)' },
  apiTokens: { sv: 'API-nycklar (utan hemligheter)', en: 'API tokens (without secrets)' },
  emailLinks: { sv: 'Inloggnings- och återställningslänkar', en: 'Sign-in and reset links' },
  memberships: { sv: 'Medlemskap i arenor', en: 'Space memberships' },
  invitations: { sv: 'Inbjudningar', en: 'Invitations' },
  joinRequests: { sv: 'Förfrågningar om att gå med i arenor', en: 'Requests to join spaces' },
  groupMemberships: { sv: 'Platser i arbetsgrupper', en: 'Working group seats' },
  processTicks: { sv: 'Steg du bockat av i processer', en: 'Process steps you ticked' },
  people: { sv: 'Personposter med din e-postadress, och samtycken', en: 'People records with your e-mail address, and consents' },
  surveyInvitations: { sv: 'Kartläggningsenkäter till din e-post', en: 'Mapping surveys sent to your e-mail' },
  registrations: { sv: 'Anmälningar till träffar', en: 'Event registrations' },
  inputs: { sv: 'Inspel (behov och idéer)', en: 'Inputs (needs and ideas)' },
  planComments: { sv: 'Synpunkter på serviceplaner', en: 'Comments on service plans' },
  boardNotes: { sv: 'Lappar på workshoptavlor', en: 'Notes on workshop boards' },
  collaborationModels: { sv: 'Samverkansmodeller du skrivit eller använt', en: 'Collaboration models you wrote or used' },
  auditEntries: { sv: 'Loggposter om dig eller av dig', en: 'Audit entries about you or by you' },
  emails: { sv: 'E-post till dig', en: 'E-mails to you' },
};

const TEXT = {
  sv: {
    title: 'Mina uppgifter i Samhandling',
    lead: 'Allt plattformen har om dig den {at}. Samma uppgifter finns som JSON-fil under Mitt konto.',
    none: 'Inget.',
    print: 'Skriv ut sidan med webbläsarens utskriftsfunktion, eller hämta den som PDF under Mitt konto.',
  },
  en: {
    title: 'My data in Samhandling',
    lead: 'Everything the platform holds about you on {at}. The same data is available as a JSON file under My account.',
    none: 'Nothing.',
    print: "Print the page with the browser's print function, or get it as PDF under My account.",
  },
};

export const exportTexts = (language: Language) => TEXT[language];
export const sectionTitle = (key: string, language: Language) => SECTION_TITLES[key]?.[language] ?? humanise(key);

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** "createdAt" → "created at". */
export const humanise = (key: string) => key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();

function renderValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '–';
  if (Array.isArray(value)) return value.length ? `<ul>${value.map((v) => `<li>${renderValue(v)}</li>`).join('')}</ul>` : '–';
  if (typeof value === 'object') return renderRecord(value as Record<string, unknown>);
  return escapeHtml(String(value));
}

function renderRecord(record: Record<string, unknown>): string {
  return `<dl>${Object.entries(record)
    .map(([key, value]) => `<dt>${escapeHtml(humanise(key))}</dt><dd>${renderValue(value)}</dd>`)
    .join('')}</dl>`;
}

/**
 * The export as one self-contained, printable HTML page (no scripts, no external resources;
 * every value escaped), in the person's language.
 */
export function renderPersonalDataHtml(data: PersonalDataExport, language: Language): string {
  const text = TEXT[language];
  const at = new Intl.DateTimeFormat(language === 'sv' ? 'sv-SE' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Stockholm' }).format(new Date(data.exportedAt));
  const sections = Object.entries(data.sections)
    .map(([key, rows]) => {
      const title = sectionTitle(key, language);
      const body = rows.length ? rows.map((row) => `<div class="item">${renderRecord(row)}</div>`).join('') : `<p>${text.none}</p>`;
      return `<section><h2>${escapeHtml(title)} (${rows.length})</h2>${body}</section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${text.title}</title>
<style>
body { font-family: system-ui, sans-serif; line-height: 1.5; margin: 1rem auto; max-width: 60rem; padding: 0 1rem; color: #1a1a1a; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; border-bottom: 1px solid #888; margin-top: 2rem; }
.item { border: 1px solid #ccc; border-radius: 4px; padding: 0.5rem 0.75rem; margin: 0.5rem 0; break-inside: avoid; }
dl { display: grid; grid-template-columns: minmax(8rem, max-content) 1fr; gap: 0.1rem 1rem; margin: 0; }
dt { font-weight: 600; } dd { margin: 0; overflow-wrap: anywhere; } dd dl { grid-template-columns: max-content 1fr; }
ul { margin: 0; padding-left: 1.2rem; }
@media print { body { margin: 0; } }
</style>
</head>
<body>
<main>
<h1>${text.title}</h1>
<p>${escapeHtml(text.lead.replace('{at}', at))}</p>
<p>${escapeHtml(text.print)}</p>
${sections}
</main>
</body>
</html>
`;
}
