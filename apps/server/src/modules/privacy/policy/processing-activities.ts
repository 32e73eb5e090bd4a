import type { ProcessingActivity } from '@samhandling/contracts';
import type { PrivacyConfig } from '../../../config.ts';
import type { Language } from '../../../platform/messages.ts';

type Text = { sv: string; en: string };
interface ActivityText {
  id: string;
  name: Text;
  purpose: Text;
  legalBasis: Text;
  dataSubjects: Text;
  dataCategories: Text;
  recipients: Text;
  retention: (r: PrivacyConfig['retention']) => Text;
}

const NO_TRANSFERS: Text = {
  sv: 'Ingen överföring till tredje land. Data lagras där plattformen driftas.',
  en: 'No transfer to third countries. Data is stored where the platform is operated.',
};
const SECURITY: Text = {
  sv: 'Behörighet per arena (nekas om inte uttryckligen tillåtet), lösenord hashade med argon2id, sessioner och länkar lagrade som nycklade hashvärden, CSRF-skydd, krypterad överföring (HTTPS), granskningslogg för varje ändring, inga personuppgifter i driftloggar.',
  en: 'Access rules per space (denied unless allowed), passwords hashed with argon2id, sessions and links stored as keyed hashes, CSRF protection, encrypted transport (HTTPS), an audit log of every change, no personal data in operational logs.',
};

/**
 * What the platform does with personal data, one entry per purpose: the source of the privacy
 * page and the register of processing (GDPR art. 30). Retention periods come from the
 * configuration, so what is shown is what the daily job enforces.
 */
const ACTIVITIES: ActivityText[] = [
  {
    id: 'accounts',
    name: { sv: 'Användarkonton och inloggning', en: 'User accounts and sign-in' },
    purpose: { sv: 'Att låta personer logga in, arbeta i arenor och hantera sina behörigheter.', en: 'Letting people sign in, work in spaces and manage their permissions.' },
    legalBasis: {
      sv: 'Allmänt intresse eller myndighetsutövning (art. 6.1 e) för offentliga aktörer, annars avtal (art. 6.1 b).',
      en: 'Public interest or official authority (art. 6(1)(e)) for public bodies, otherwise contract (art. 6(1)(b)).',
    },
    dataSubjects: { sv: 'Användare.', en: 'Users.' },
    dataCategories: {
      sv: 'Namn, e-postadress, språk, lösenordshash, inloggningar (tid, webbläsare), API-nycklar (metadata), medlemskap och roller, förfrågningar om att gå med i en arena (med ett frivilligt meddelande), och den profil personen själv fyller i (organisation, sektor, kommun, kort presentation) med vem den visas för.',
      en: 'Name, e-mail address, language, password hash, sign-ins (time, browser), API tokens (metadata), memberships and roles, requests to join a space (with an optional message), and the profile the person fills in themselves (organisation, sector, municipality, short presentation) with whom it is shown to.',
    },
    recipients: {
      sv: 'Plattformens administratörer; arenornas ledare ser medlemmarnas namn och e-post, och namn, e-post och meddelande hos den som ber att få gå med. Profilen ser den som personen valt: alla, medlemmar i gemensamma arenor eller ingen.',
      en: "The platform's administrators; space leaders see their members' names and e-mail, and the name, e-mail and message of those who ask to join. The profile is seen by whom the person chose: everyone, members of shared spaces, or nobody.",
    },
    retention: () => ({ sv: 'Tills kontot raderas (av personen själv under Mitt konto).', en: 'Until the account is deleted (by the person under My account).' }),
  },
  {
    id: 'registrations',
    name: { sv: 'Anmälningar till träffar', en: 'Event registrations' },
    purpose: { sv: 'Att ordna träffar: platser, väntelista, bekräftelser, incheckning, kost och tillgänglighet.', en: 'Organising events: seats, waitlist, confirmations, check-in, diet and accessibility.' },
    legalBasis: {
      sv: 'Samtycke (art. 6.1 a; uttryckligt samtycke art. 9.2 a för kost- och tillgänglighetsbehov som kan röja hälsa).',
      en: 'Consent (art. 6(1)(a); explicit consent art. 9(2)(a) for diet and accessibility needs that may reveal health).',
    },
    dataSubjects: { sv: 'Personer som anmäler sig, med eller utan konto.', en: 'People who register, with or without an account.' },
    dataCategories: { sv: 'Namn, e-post, organisation, sektor, åldersgrupp, kost- och tillgänglighetsbehov, närvaro.', en: 'Name, e-mail, organisation, sector, age group, diet and accessibility needs, attendance.' },
    recipients: { sv: 'Arenans ledare (processledare och administratörer).', en: "The space's leaders (facilitators and admins)." },
    retention: (r) => ({
      sv: `Kost- och tillgänglighetssvar raderas ${r.registrationAnswersDays} dagar efter träffen. Övrigt tills samtycket återkallas eller kontot raderas.`,
      en: `Diet and accessibility answers are deleted ${r.registrationAnswersDays} days after the event. The rest until consent is withdrawn or the account deleted.`,
    }),
  },
  {
    id: 'inputs',
    name: { sv: 'Inspel (behov och idéer)', en: 'Inputs (needs and ideas)' },
    purpose: { sv: 'Att ta emot behov och idéer och berätta för den som skickat dem hur de hanteras.', en: 'Receiving needs and ideas and telling the sender how they are handled.' },
    legalBasis: { sv: 'Samtycke (art. 6.1 a) för e-post om inspelet; inspelet i sig är anonymt.', en: 'Consent (art. 6(1)(a)) for e-mail about the input; the input itself is anonymous.' },
    dataSubjects: { sv: 'Boende och andra som lämnar inspel.', en: 'Residents and others who send inputs.' },
    dataCategories: { sv: 'Frivillig e-postadress, sektor, åldersgrupp, plats.', en: 'Optional e-mail address, sector, age group, place.' },
    recipients: { sv: 'Arenans ledare; e-postadressen visas aldrig publikt.', en: "The space's leaders; the e-mail address is never shown publicly." },
    retention: () => ({ sv: 'E-postadressen raderas när inspelet avslutas eller samtycket återkallas.', en: 'The e-mail address is erased when the input closes or consent is withdrawn.' }),
  },
  {
    id: 'people',
    name: { sv: 'Personer i aktörsregistret och arbetsgrupper', en: 'People in the actor registry and working groups' },
    purpose: { sv: 'Att kartlägga vem som samverkar och sätta samman arbetsgrupper.', en: 'Mapping who collaborates and composing working groups.' },
    legalBasis: { sv: 'Samtycke (art. 6.1 a), registrerat med syfte, version och sätt.', en: 'Consent (art. 6(1)(a)), recorded with purpose, version and method.' },
    dataSubjects: { sv: 'Kontaktpersoner och gruppmedlemmar.', en: 'Contact people and group members.' },
    dataCategories: { sv: 'Namn, e-post, telefon, kommun, åldersgrupp, organisation och roll.', en: 'Name, e-mail, phone, municipality, age group, organisation and role.' },
    recipients: { sv: 'Ledarna för de arenor personen finns i.', en: 'The leaders of the spaces the person is in.' },
    retention: () => ({ sv: 'Tills samtycket återkallas; då raderas uppgifterna och återkallelsen sparas.', en: 'Until consent is withdrawn; then the data is erased and the withdrawal kept.' }),
  },
  {
    id: 'surveys',
    name: { sv: 'Kartläggningsenkäter', en: 'Mapping surveys' },
    purpose: { sv: 'Att fråga organisationer vilka de samverkar med, via en kontaktperson.', en: 'Asking organisations whom they collaborate with, through a contact person.' },
    legalBasis: { sv: 'Allmänt intresse (art. 6.1 e) eller berättigat intresse (art. 6.1 f); kontakten kan när som helst be att slippa e-post.', en: 'Public interest (art. 6(1)(e)) or legitimate interest (art. 6(1)(f)); the contact may at any time ask not to be e-mailed.' },
    dataSubjects: { sv: 'Kontaktpersoner på organisationer.', en: "Organisations' contact people." },
    dataCategories: { sv: 'E-postadress och om enkäten besvarats.', en: 'E-mail address and whether the survey was answered.' },
    recipients: { sv: 'Arenans ledare.', en: "The space's leaders." },
    retention: () => ({ sv: 'Tills kontakten ber att slippa e-post eller kontot raderas; svaren gäller organisationer och sparas.', en: 'Until the contact asks not to be e-mailed or the account is deleted; the answers are about organisations and are kept.' }),
  },
  {
    id: 'boards',
    name: { sv: 'Workshoptavlor', en: 'Workshop boards' },
    purpose: { sv: 'Att låta deltagare skriva lappar och prioritera under en workshop.', en: 'Letting participants write notes and prioritise during a workshop.' },
    legalBasis: { sv: 'Samtycke (art. 6.1 a); namn är frivilligt.', en: 'Consent (art. 6(1)(a)); a name is optional.' },
    dataSubjects: { sv: 'Deltagare i workshoppar.', en: 'Workshop participants.' },
    dataCategories: { sv: 'Frivilligt namn, sektor, åldersgrupp, lappar och prickar.', en: 'Optional name, sector, age group, notes and dots.' },
    recipients: { sv: 'Processledaren och övriga deltagare (lappar, inte namn).', en: 'The facilitator and other participants (notes, not names).' },
    retention: (r) => ({ sv: `Deltagarnas namn raderas ${r.boardNamesDays} dagar efter att tavlan stängts.`, en: `Participants' names are deleted ${r.boardNamesDays} days after the board closes.` }),
  },
  {
    id: 'volunteers',
    name: { sv: 'Volontärer i gemensamma initiativ', en: 'Volunteers in joint initiatives' },
    purpose: { sv: 'Att låta vem som helst anmäla sig som volontär till ett upprop, och att räkna insatta timmar.', en: 'Letting anyone sign up as a volunteer for a call, and counting the hours given.' },
    legalBasis: { sv: 'Samtycke (art. 6.1 a); anmälan bekräftas via e-post och kan återkallas via länk.', en: 'Consent (art. 6(1)(a)); the sign-up is confirmed by e-mail and can be withdrawn by link.' },
    dataSubjects: { sv: 'Volontärer, med eller utan konto.', en: 'Volunteers, with or without an account.' },
    dataCategories: { sv: 'Namn, e-postadress, frivilligt telefonnummer, insatta timmar.', en: 'Name, e-mail address, optional phone number, hours given.' },
    recipients: { sv: 'Initiativets ledande organisation och arenans ledare.', en: "The initiative's lead organisation and the space's leaders." },
    retention: (r) => ({
      sv: `Namn, e-post och telefon tas bort ${r.volunteerContactsDays} dagar efter uppropets dag; timmarna sparas utan namn. En anmälan som aldrig bekräftas raderas efter 7 dagar.`,
      en: `Name, e-mail and phone are removed ${r.volunteerContactsDays} days after the call's day; the hours are kept without a name. A sign-up never confirmed is deleted after 7 days.`,
    }),
  },
  {
    id: 'consultation',
    name: { sv: 'Samråd om serviceplaner', en: 'Consultation on service plans' },
    purpose: { sv: 'Att ta emot och besvara synpunkter på en kommunal serviceplan.', en: 'Receiving and answering comments on a municipal service plan.' },
    legalBasis: { sv: 'Allmänt intresse (art. 6.1 e).', en: 'Public interest (art. 6(1)(e)).' },
    dataSubjects: { sv: 'Den som lämnar synpunkter.', en: 'People who comment.' },
    dataCategories: { sv: 'Frivilligt namn, synpunkten, ort.', en: 'Optional name, the comment, place.' },
    recipients: { sv: 'Publiceras med svar om arenans ledare godkänner den.', en: "Published with an answer if the space's leaders approve it." },
    retention: () => ({ sv: 'Som del av planens handlingar; namnet tas bort om kontot raderas.', en: "As part of the plan's records; the name is removed if the account is deleted." }),
  },
  {
    id: 'email',
    name: { sv: 'E-post (utkorg)', en: 'E-mail (outbox)' },
    purpose: { sv: 'Att skicka bekräftelser, påminnelser och inloggningslänkar och kunna visa vad som skickats.', en: 'Sending confirmations, notices and sign-in links, and showing what was sent.' },
    legalBasis: { sv: 'Samma som för det e-posten gäller.', en: 'The same as for what the e-mail is about.' },
    dataSubjects: { sv: 'Mottagare.', en: 'Recipients.' },
    dataCategories: { sv: 'Mottagare, ämne, text, bilagor.', en: 'Recipients, subject, text, attachments.' },
    recipients: { sv: 'Plattformens administratörer; e-postleverantören om SMTP är inställt.', en: "The platform's administrators; the mail provider when SMTP is configured." },
    retention: (r) => ({ sv: `Text, bilagor och mottagare raderas efter ${r.outboxDays} dagar.`, en: `Text, attachments and recipients are deleted after ${r.outboxDays} days.` }),
  },
  {
    id: 'follows',
    name: { sv: 'Följare och aviseringar', en: 'Followers and notifications' },
    purpose: { sv: 'Att skicka nyheter och aviseringar till den som bett om dem, som de valt (direkt, dagligen, veckovis).', en: 'Sending news and notices to those who asked for them, as they chose (at once, daily, weekly).' },
    legalBasis: { sv: 'Samtycke (art. 6.1 a), bekräftat via länk för den som saknar konto.', en: 'Consent (art. 6(1)(a)), confirmed by a link for people without an account.' },
    dataSubjects: { sv: 'Den som följer en arena eller ett inspel.', en: 'People who follow a space or an input.' },
    dataCategories: { sv: 'E-postadress eller konto, vad som följs, val av aviseringar, avregistreringar.', en: 'E-mail address or account, what is followed, notification choices, unsubscriptions.' },
    recipients: { sv: 'Ingen; adressen visas inte för arenans ledare.', en: "Nobody; the address is not shown to the space's leaders." },
    retention: () => ({ sv: 'Tills man slutar följa (en klick-länk i varje e-post); obekräftade adresser raderas efter 7 dagar.', en: 'Until one stops following (a one-click link in every e-mail); unconfirmed addresses are deleted after 7 days.' }),
  },
  {
    id: 'audit',
    name: { sv: 'Granskningslogg', en: 'Audit log' },
    purpose: { sv: 'Spårbarhet: vem som ändrade vad och när.', en: 'Accountability: who changed what and when.' },
    legalBasis: { sv: 'Rättslig förpliktelse och allmänt intresse (art. 6.1 c och e), säkerhet (art. 32).', en: 'Legal obligation and public interest (art. 6(1)(c) and (e)), security (art. 32).' },
    dataSubjects: { sv: 'Användare som gör ändringar.', en: 'Users who make changes.' },
    dataCategories: { sv: 'Användarens id, tid, vad som gjordes, förfrågans id.', en: "The user's id, time, what was done, request id." },
    recipients: { sv: 'Plattformens administratörer.', en: "The platform's administrators." },
    retention: (r) => ({
      sv: `Efter ${r.auditYears} år tas uppgifter om vem som gjorde ändringen bort; vad som hände och när sparas.`,
      en: `After ${r.auditYears} years the record of who made the change is removed; what happened and when is kept.`,
    }),
  },
];

export function processingActivities(language: Language, privacy: PrivacyConfig): ProcessingActivity[] {
  return ACTIVITIES.map((a) => ({
    id: a.id,
    name: a.name[language],
    purpose: a.purpose[language],
    legalBasis: a.legalBasis[language],
    dataSubjects: a.dataSubjects[language],
    dataCategories: a.dataCategories[language],
    recipients: a.recipients[language],
    transfers: NO_TRANSFERS[language],
    retention: a.retention(privacy.retention)[language],
    security: SECURITY[language],
  }));
}
