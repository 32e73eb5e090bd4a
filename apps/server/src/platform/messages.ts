/** Server-side texts (errors and e-mails) in the two UI languages; Swedish is the default. */
export type Language = 'sv' | 'en';
export const languages: readonly Language[] = ['sv', 'en'];

const sv = {
  'errors.invalid': 'Uppgifterna är inte giltiga. Rätta fälten som är markerade.',
  'errors.unauthenticated': 'Du behöver logga in.',
  'errors.forbidden': 'Du har inte behörighet att göra detta.',
  'errors.csrf': 'Begäran kom från en annan webbplats och stoppades.',
  'errors.not_found': 'Sidan eller resursen finns inte.',
  'errors.route_not_found': 'Det finns ingen sådan adress i API:et.',
  'errors.conflict': 'Ändringen krockar med befintliga uppgifter.',
  'errors.rate_limited': 'För många försök. Försök igen om {seconds} sekunder.',
  'errors.payload_too_large': 'Det du skickade är för stort.',
  'errors.unsupported_media_type': 'Fel innehållstyp. Skicka JSON.',
  'errors.malformed_json': 'Innehållet är inte giltig JSON.',
  'errors.internal': 'Något gick fel hos oss. Ange fel-id {requestId} om du kontaktar support.',
  'errors.unavailable': 'Tjänsten startar om. Försök igen om en stund.',
  'errors.bad_credentials': 'Fel e-postadress eller lösenord.',
  'errors.link_invalid': 'Länken är ogiltig eller har gått ut.',
  'errors.oidc_not_configured': 'Inloggning via organisation är inte konfigurerad.',
  'errors.oidc_failed': 'Inloggningen via din organisation misslyckades. Försök igen.',
  'errors.email_taken': 'Det finns redan ett konto med den e-postadressen.',
  'errors.already_member': 'Personen är redan medlem.',
  'errors.last_admin': 'Arenan måste ha minst en administratör.',
  'errors.space_archived': 'Arenan är arkiverad och kan inte ändras.',
  'validation.required': 'Fältet måste fyllas i.',
  'validation.type': 'Fel typ av värde.',
  'validation.too_short': 'Måste vara minst {minimum} tecken.',
  'validation.too_long': 'Får vara högst {maximum} tecken.',
  'validation.too_few': 'Välj minst {minimum}.',
  'validation.too_many': 'Högst {maximum} är tillåtna.',
  'validation.too_small_number': 'Måste vara minst {minimum}.',
  'validation.too_big_number': 'Får vara högst {maximum}.',
  'validation.email': 'Ange en giltig e-postadress.',
  'validation.url': 'Ange en giltig webbadress.',
  'validation.uuid': 'Ogiltigt id.',
  'validation.format': 'Fel format.',
  'validation.enum': 'Välj ett av: {values}.',
  'validation.unknown_field': 'Fältet {keys} är inte tillåtet här.',
  'validation.password': 'Lösenordet måste vara minst 10 tecken.',
  'validation.municipality_unknown': 'Okänd kommunkod.',
  'validation.municipality_code': 'Kommunkoden ska vara fyra siffror.',
  'validation.longitude': 'Longituden ska ligga mellan 10 och 25 (Sverige).',
  'validation.latitude': 'Latituden ska ligga mellan 55 och 70 (Sverige).',
  'validation.invalid': 'Ogiltigt värde.',
  'import.missing_columns': 'Kolumner saknas: {columns}.',
  'import.duplicate_in_file': 'Samma post finns redan på rad {line}.',
  'import.empty': 'Filen innehåller inga rader.',
  'import.unreadable': 'Filen kunde inte läsas som CSV: {reason}',
  'import.too_many_rows': 'Filen har för många rader (högst {maximum}).',
  'import.not_a_number': 'är inte ett tal',
  'import.near_duplicate': 'Liknar den befintliga organisationen "{name}". Ange dess organisationsnummer eller exakta namn, eller lägg till den här i registret först.',
  'import.unknown_organisation': 'Organisationen "{name}" finns inte i arenan (ange organisationsnummer eller exakt namn).',
  'errors.org_number_taken': 'Det finns redan en organisation med det organisationsnumret.',
  'errors.organisation_duplicate': 'Det finns redan en organisation med ett mycket likt namn i samma kommun. Välj den, eller bekräfta att det är en annan.',
  'validation.org_number_format': 'Organisationsnumret ska skrivas NNNNNN-NNNN.',
  'validation.org_number_checksum': 'Organisationsnumret är inte giltigt (kontrollsiffran stämmer inte).',
  'validation.collaboration_self': 'En samverkan behöver två olika organisationer.',
  'validation.end_before_start': 'Slutdatum kan inte vara före startdatum.',
  'errors.consent_required': 'Personuppgifter får bara sparas med ett samtycke.',
  'errors.collaboration_exists': 'Den samverkan finns redan registrerad.',
  'errors.survey_not_in_space': 'Organisationen är inte med i arenan.',
  'mail.survey.subject': 'Kartläggning: {title}',
  'mail.survey.text':
    'Hej!\n\nArenan "{space}" kartlägger vilka som samverkar med vilka. Berätta vilka organisationer {organisation} samverkar med – det tar några minuter och kräver inget konto.\n\n{message}\n\nSvara här:\n{link}',
  'mail.survey_reminder.subject': 'Påminnelse – kartläggning: {title}',
  'mail.survey_reminder.text':
    'Hej!\n\nVi har ännu inte fått svar från {organisation} i kartläggningen för arenan "{space}". Svara gärna här (den nya länken ersätter den tidigare):\n{link}',
  'mail.signature': 'Hälsningar,\nSamhandling',
  'mail.magic_link.subject': 'Din inloggningslänk till Samhandling',
  'mail.magic_link.text':
    'Hej {name}!\n\nLogga in i Samhandling med den här länken. Den gäller i 15 minuter och kan bara användas en gång:\n{link}\n\nHar du inte bett om länken kan du bortse från det här meddelandet.',
  'mail.password_reset.subject': 'Återställ ditt lösenord i Samhandling',
  'mail.password_reset.text':
    'Hej {name}!\n\nVälj ett nytt lösenord med den här länken. Den gäller i 60 minuter:\n{link}\n\nHar du inte bett om det kan du bortse från det här meddelandet.',
  'mail.invitation.subject': 'Inbjudan till {space} i Samhandling',
  'mail.invitation.text':
    'Hej!\n\n{inviter} bjuder in dig till arenan "{space}" i Samhandling med rollen {role}.\n\nTacka ja med den här länken (gäller i 14 dagar):\n{link}',
  'role.space_admin': 'administratör',
  'role.facilitator': 'processledare',
  'role.member': 'medlem',
  'role.observer': 'observatör',
  // service plans (kommunal serviceplan)
  'validation.date': 'Ange ett datum som ÅÅÅÅ-MM-DD.',
  'validation.date_or_year': 'Ange ett år (ÅÅÅÅ) eller ett datum (ÅÅÅÅ-MM-DD).',
  'validation.period_range': 'Året ska ligga mellan 2000 och 2100.',
  'validation.county_code': 'Länskoden ska vara två siffror.',
  'validation.period_order': 'Periodens slut kan inte vara före dess början.',
  'validation.locality_elsewhere': 'Orten ligger inte i planens kommun.',
  'validation.locality_unknown': 'Okänd ort.',
  'validation.organisation_unknown': 'Okänd organisation.',
  'validation.goal_unknown': 'Målet finns inte i planen.',
  'validation.measure_unknown': 'Åtgärden finns inte i planen.',
  'validation.level_duplicate': 'Orten har redan en servicenivå i planen.',
  'validation.date_in_past': 'Datumet har redan passerat.',
  'validation.decision_before_consultation': 'Beslutet kan inte vara före samrådet.',
  'validation.municipality_not_in_space': 'Kommunen hör inte till arenan.',
  'errors.plan_not_draft': 'Planen går bara att ändra som utkast. Börja en ny revidering först.',
  'errors.plan_not_in_consultation': 'Planen är inte ute på samråd.',
  'errors.plan_consultation_closed': 'Samrådet är avslutat. Det går inte längre att lämna synpunkter.',
  'errors.plan_needs_consultation': 'Planen måste ha varit ute på samråd innan den kan antas.',
  'errors.plan_already_adopted': 'Den här versionen av planen är redan antagen.',
  'errors.plan_already_draft': 'Planen är redan ett utkast.',
  'errors.follow_up_exists': 'Det finns redan en uppföljning för det året.',
  'errors.follow_up_not_adopted': 'Uppföljning görs av en antagen plan.',
} as const;

export type MessageKey = keyof typeof sv;

const en: Record<MessageKey, string> = {
  'errors.invalid': 'The data is not valid. Correct the marked fields.',
  'errors.unauthenticated': 'You need to sign in.',
  'errors.forbidden': 'You are not allowed to do this.',
  'errors.csrf': 'The request came from another site and was stopped.',
  'errors.not_found': 'The page or resource does not exist.',
  'errors.route_not_found': 'There is no such address in the API.',
  'errors.conflict': 'The change conflicts with existing data.',
  'errors.rate_limited': 'Too many attempts. Try again in {seconds} seconds.',
  'errors.payload_too_large': 'What you sent is too large.',
  'errors.unsupported_media_type': 'Wrong content type. Send JSON.',
  'errors.malformed_json': 'The content is not valid JSON.',
  'errors.internal': 'Something went wrong on our side. Quote error id {requestId} if you contact support.',
  'errors.unavailable': 'The service is restarting. Try again shortly.',
  'errors.bad_credentials': 'Wrong e-mail address or password.',
  'errors.link_invalid': 'The link is invalid or has expired.',
  'errors.oidc_not_configured': 'Sign-in through an organisation is not configured.',
  'errors.oidc_failed': 'Sign-in through your organisation failed. Please try again.',
  'errors.email_taken': 'An account with that e-mail address already exists.',
  'errors.already_member': 'That person is already a member.',
  'errors.last_admin': 'The space must keep at least one administrator.',
  'errors.space_archived': 'The space is archived and cannot be changed.',
  'validation.required': 'This field is required.',
  'validation.type': 'Wrong type of value.',
  'validation.too_short': 'Must be at least {minimum} characters.',
  'validation.too_long': 'Must be at most {maximum} characters.',
  'validation.too_few': 'Choose at least {minimum}.',
  'validation.too_many': 'At most {maximum} are allowed.',
  'validation.too_small_number': 'Must be at least {minimum}.',
  'validation.too_big_number': 'Must be at most {maximum}.',
  'validation.email': 'Enter a valid e-mail address.',
  'validation.url': 'Enter a valid web address.',
  'validation.uuid': 'Invalid id.',
  'validation.format': 'Wrong format.',
  'validation.enum': 'Choose one of: {values}.',
  'validation.unknown_field': 'The field {keys} is not allowed here.',
  'validation.password': 'The password must be at least 10 characters.',
  'validation.municipality_unknown': 'Unknown municipality code.',
  'validation.municipality_code': 'The municipality code must be four digits.',
  'validation.longitude': 'Longitude must be between 10 and 25 (Sweden).',
  'validation.latitude': 'Latitude must be between 55 and 70 (Sweden).',
  'validation.invalid': 'Invalid value.',
  'import.missing_columns': 'Missing columns: {columns}.',
  'import.duplicate_in_file': 'The same entry is already on line {line}.',
  'import.empty': 'The file has no rows.',
  'import.unreadable': 'The file could not be read as CSV: {reason}',
  'import.too_many_rows': 'The file has too many rows (at most {maximum}).',
  'import.not_a_number': 'is not a number',
  'import.near_duplicate': 'Resembles the existing organisation "{name}". Give its organisation number or exact name, or add this one to the registry first.',
  'import.unknown_organisation': 'The organisation "{name}" is not in the space (give its organisation number or exact name).',
  'errors.org_number_taken': 'An organisation with that organisation number already exists.',
  'errors.organisation_duplicate': 'An organisation with a very similar name exists in the same municipality. Choose it, or confirm that this is another one.',
  'validation.org_number_format': 'Write the organisation number as NNNNNN-NNNN.',
  'validation.org_number_checksum': 'The organisation number is not valid (the check digit does not match).',
  'validation.collaboration_self': 'A collaboration needs two different organisations.',
  'validation.end_before_start': 'The end date cannot be before the start date.',
  'errors.consent_required': 'Personal data may only be kept with consent.',
  'errors.collaboration_exists': 'That collaboration is already recorded.',
  'errors.survey_not_in_space': 'The organisation does not take part in the space.',
  'mail.survey.subject': 'Mapping: {title}',
  'mail.survey.text':
    'Hello!\n\nThe space "{space}" is mapping who collaborates with whom. Tell us which organisations {organisation} collaborates with – it takes a few minutes and needs no account.\n\n{message}\n\nAnswer here:\n{link}',
  'mail.survey_reminder.subject': 'Reminder – mapping: {title}',
  'mail.survey_reminder.text':
    'Hello!\n\nWe have not yet heard from {organisation} in the mapping for the space "{space}". Please answer here (this new link replaces the earlier one):\n{link}',
  'mail.signature': 'Best regards,\nSamhandling',
  'mail.magic_link.subject': 'Your sign-in link for Samhandling',
  'mail.magic_link.text':
    'Hello {name}!\n\nSign in to Samhandling with this link. It is valid for 15 minutes and can be used once:\n{link}\n\nIf you did not ask for it, you can ignore this message.',
  'mail.password_reset.subject': 'Reset your Samhandling password',
  'mail.password_reset.text':
    'Hello {name}!\n\nChoose a new password with this link. It is valid for 60 minutes:\n{link}\n\nIf you did not ask for it, you can ignore this message.',
  'mail.invitation.subject': 'Invitation to {space} in Samhandling',
  'mail.invitation.text':
    'Hello!\n\n{inviter} invites you to the space "{space}" in Samhandling with the role {role}.\n\nAccept with this link (valid for 14 days):\n{link}',
  'role.space_admin': 'administrator',
  'role.facilitator': 'facilitator',
  'role.member': 'member',
  'role.observer': 'observer',
  // service plans (kommunal serviceplan)
  'validation.date': 'Enter a date as YYYY-MM-DD.',
  'validation.date_or_year': 'Enter a year (YYYY) or a date (YYYY-MM-DD).',
  'validation.period_range': 'The year must be between 2000 and 2100.',
  'validation.county_code': 'The county code is two digits.',
  'validation.period_order': 'The period cannot end before it starts.',
  'validation.locality_elsewhere': 'The locality is not in the plan\'s municipality.',
  'validation.locality_unknown': 'Unknown locality.',
  'validation.organisation_unknown': 'Unknown organisation.',
  'validation.goal_unknown': 'The goal is not in the plan.',
  'validation.measure_unknown': 'The measure is not in the plan.',
  'validation.level_duplicate': 'The locality already has a service level in the plan.',
  'validation.date_in_past': 'The date has already passed.',
  'validation.decision_before_consultation': 'The decision cannot be before the consultation.',
  'validation.municipality_not_in_space': 'The municipality is not one of the space\'s.',
  'errors.plan_not_draft': 'The plan can only be changed as a draft. Start a new revision first.',
  'errors.plan_not_in_consultation': 'The plan is not out for consultation.',
  'errors.plan_consultation_closed': 'The consultation has closed. Comments can no longer be given.',
  'errors.plan_needs_consultation': 'The plan must have been out for consultation before it can be adopted.',
  'errors.plan_already_adopted': 'This version of the plan is already adopted.',
  'errors.plan_already_draft': 'The plan is already a draft.',
  'errors.follow_up_exists': 'There is already a follow-up for that year.',
  'errors.follow_up_not_adopted': 'Follow-up is made on an adopted plan.',
};

const catalogue: Record<Language, Record<string, string>> = { sv, en };

export function isMessageKey(key: string): key is MessageKey {
  return key in sv;
}

export function translate(
  language: Language,
  key: string,
  params: Record<string, string | number> = {},
): string {
  const template = catalogue[language][key] ?? catalogue.sv[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** Picks the first supported language from an Accept-Language header. */
export function languageFromHeader(header: string | undefined): Language | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.find((p) => p.trim().startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const primary = tag.split('-')[0];
    if (primary === 'sv' || primary === 'en') return primary;
  }
  return undefined;
}
