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
  'errors.upload_multipart': 'Skicka filen som multipart/form-data.',
  'errors.upload_missing': 'Bifoga en fil i fältet "file".',
  'errors.upload_empty': 'Filen är tom.',
  // servicePoints (helper A)
  'servicePoints.lon': 'Longituden ska ligga mellan −180 och 180.',
  'servicePoints.lat': 'Latituden ska ligga mellan −90 och 90.',
  'servicePoints.external_id_format': 'Id:t får bara innehålla bokstäver, siffror och . _ : - /.',
  'servicePoints.external_id_taken': 'Det finns redan en servicepunkt med det id:t i arenan.',
  'servicePoints.kinds_repeated': 'Samma tjänst är vald två gånger.',
  'servicePoints.kinds_required': 'Välj minst en tjänst.',
  'servicePoints.opening_hours_invalid': 'Öppettiderna kan inte läsas som OSM-öppettider (t.ex. "Mo-Fr 08:00-18:00; Sa 10:00-14:00"): {detail}',
  'servicePoints.operator_unknown': 'Organisationen finns inte i registret.',
  'servicePoints.closed_needs_date': 'Ange vilket datum servicepunkten stängde.',
  'servicePoints.suggestion_empty': 'Förslaget ändrar ingenting.',
  'servicePoints.suggestion_decided': 'Förslaget är redan avgjort.',
  'servicePoints.file_unreadable': 'Filen kunde inte läsas som CSV eller OSM PBF.',
  'servicePoints.csv_columns': 'CSV-filen saknar kolumnerna: {columns}.',
  'servicePoints.unknown_type': 'Okänd typ "{type}". Använd en av: {values}.',
  'servicePoints.bad_coordinate': 'Ogiltig koordinat (lon {lon}, lat {lat}).',
  'servicePoints.duplicate_id': 'Id:t {id} förekommer redan på rad {line}.',
  'servicePoints.name_missing': 'Namn saknas.',
  'servicePoints.id_missing': 'Id saknas.',
  'servicePoints.import_source': 'import {date}',
  'servicePoints.date': 'Ange ett datum som ÅÅÅÅ-MM-DD.',
  'role.space_admin': 'administratör',
  'role.facilitator': 'processledare',
  'role.member': 'medlem',
  'role.observer': 'observatör',
  // groups and events (helper D)
  'errors.registration_closed': 'Anmälan till träffen är stängd.',
  'errors.event_cancelled': 'Träffen är inställd.',
  'errors.already_registered': 'Den e-postadressen är redan anmäld till träffen.',
  'errors.mode_not_offered': 'Träffen erbjuder inte det sättet att delta.',
  'errors.registration_cancelled': 'Anmälan är redan avbokad.',
  'errors.check_in_invalid': 'QR-koden hör inte till den här anmälan.',
  'errors.check_in_not_confirmed': 'Anmälan är inte bekräftad (väntelista eller avbokad).',
  'errors.already_group_member': 'Personen är redan med i gruppen.',
  'errors.person_not_in_space': 'Personen finns inte i arenan.',
  'errors.file_too_large': 'Filen är för stor (högst {maximum} MB).',
  'errors.file_type': 'Filtypen är inte tillåten. Ladda upp PDF, Word, Excel, PowerPoint, OpenDocument, PNG eller JPEG.',
  'errors.file_missing': 'Välj en fil att ladda upp.',
  'validation.group_not_in_space': 'Arbetsgruppen hör inte till arenan.',
  'mail.registration_confirmed.subject': 'Anmälan bekräftad: {title}',
  'mail.registration_confirmed.text':
    'Hej {name}!\n\nDu är anmäld till "{title}" {when} ({mode}).\n{where}\n\nKalenderfil och QR-kod för incheckning finns bifogade. Visa QR-koden vid entrén.\n\nSe eller avboka din anmälan här:\n{link}',
  'mail.registration_waitlisted.subject': 'Du står på väntelistan: {title}',
  'mail.registration_waitlisted.text':
    'Hej {name}!\n\n"{title}" {when} är fullbokad ({mode}). Du står som nummer {position} på väntelistan och får ett e-postmeddelande om en plats blir ledig.\n\nSe eller avboka din anmälan här:\n{link}',
  'mail.registration_promoted.subject': 'Du har fått en plats: {title}',
  'mail.registration_promoted.text':
    'Hej {name}!\n\nEn plats blev ledig och du är nu anmäld till "{title}" {when} ({mode}).\n{where}\n\nKalenderfil och QR-kod för incheckning finns bifogade.\n\nKan du inte komma? Avboka här så går platsen till nästa på väntelistan:\n{link}',
  'mail.registration_cancelled.subject': 'Avbokad: {title}',
  'mail.registration_cancelled.text': 'Hej {name}!\n\nDin anmälan till "{title}" {when} är avbokad.',
  'mail.event_cancelled.subject': 'Inställt: {title}',
  'mail.event_cancelled.text': 'Hej {name}!\n\n"{title}" {when} är tyvärr inställd.\n{reason}\n\nDen bifogade kalenderfilen tar bort träffen ur din kalender.',
  'mail.event_rescheduled.subject': 'Ny tid: {title}',
  'mail.event_rescheduled.text':
    'Hej {name}!\n\n"{title}" har flyttats.\nTidigare: {before}\nNy tid: {when}\n{reason}\n\nDen bifogade kalenderfilen uppdaterar din kalender. Passar inte den nya tiden kan du avboka här:\n{link}',
  'mail.event_changed.subject': 'Ändrat: {title}',
  'mail.event_changed.text': 'Hej {name}!\n\nUppgifterna för "{title}" har ändrats: {when}.\n{where}\n\nDen bifogade kalenderfilen uppdaterar din kalender.\n\nDin anmälan:\n{link}',
  'mail.no_reason': '',
  'mail.reason': 'Anledning: {reason}',
  'mode.on_site': 'på plats',
  'mode.online': 'digitalt',
  // end groups and events
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
  'errors.upload_multipart': 'Send the file as multipart/form-data.',
  'errors.upload_missing': 'Attach a file in the field "file".',
  'errors.upload_empty': 'The file is empty.',
  // servicePoints (helper A)
  'servicePoints.lon': 'The longitude must be between −180 and 180.',
  'servicePoints.lat': 'The latitude must be between −90 and 90.',
  'servicePoints.external_id_format': 'The id may only contain letters, digits and . _ : - /.',
  'servicePoints.external_id_taken': 'The space already has a service point with that id.',
  'servicePoints.kinds_repeated': 'The same service is chosen twice.',
  'servicePoints.kinds_required': 'Choose at least one service.',
  'servicePoints.opening_hours_invalid': 'The opening hours cannot be read as OSM opening hours (e.g. "Mo-Fr 08:00-18:00; Sa 10:00-14:00"): {detail}',
  'servicePoints.operator_unknown': 'The organisation is not in the registry.',
  'servicePoints.closed_needs_date': 'Give the date the service point closed.',
  'servicePoints.suggestion_empty': 'The suggestion changes nothing.',
  'servicePoints.suggestion_decided': 'The suggestion has already been decided.',
  'servicePoints.file_unreadable': 'The file could not be read as CSV or OSM PBF.',
  'servicePoints.csv_columns': 'The CSV file lacks the columns: {columns}.',
  'servicePoints.unknown_type': 'Unknown type "{type}". Use one of: {values}.',
  'servicePoints.bad_coordinate': 'Invalid coordinate (lon {lon}, lat {lat}).',
  'servicePoints.duplicate_id': 'The id {id} already appears on line {line}.',
  'servicePoints.name_missing': 'The name is missing.',
  'servicePoints.id_missing': 'The id is missing.',
  'servicePoints.import_source': 'import {date}',
  'servicePoints.date': 'Give a date as YYYY-MM-DD.',
  'role.space_admin': 'administrator',
  'role.facilitator': 'facilitator',
  'role.member': 'member',
  'role.observer': 'observer',
  // groups and events (helper D)
  'errors.registration_closed': 'Registration for this event is closed.',
  'errors.event_cancelled': 'The event is cancelled.',
  'errors.already_registered': 'That e-mail address is already registered for the event.',
  'errors.mode_not_offered': 'The event does not offer that way of taking part.',
  'errors.registration_cancelled': 'The registration is already cancelled.',
  'errors.check_in_invalid': 'The QR code does not belong to this registration.',
  'errors.check_in_not_confirmed': 'The registration is not confirmed (waitlisted or cancelled).',
  'errors.already_group_member': 'The person is already in the group.',
  'errors.person_not_in_space': 'The person is not in the space.',
  'errors.file_too_large': 'The file is too large (at most {maximum} MB).',
  'errors.file_type': 'That file type is not allowed. Upload PDF, Word, Excel, PowerPoint, OpenDocument, PNG or JPEG.',
  'errors.file_missing': 'Choose a file to upload.',
  'validation.group_not_in_space': 'The working group does not belong to the space.',
  'mail.registration_confirmed.subject': 'Registration confirmed: {title}',
  'mail.registration_confirmed.text':
    'Hello {name}!\n\nYou are registered for "{title}" {when} ({mode}).\n{where}\n\nA calendar file and a check-in QR code are attached. Show the QR code at the door.\n\nSee or cancel your registration here:\n{link}',
  'mail.registration_waitlisted.subject': 'You are on the waitlist: {title}',
  'mail.registration_waitlisted.text':
    'Hello {name}!\n\n"{title}" {when} is full ({mode}). You are number {position} on the waitlist and will get an e-mail if a place opens up.\n\nSee or cancel your registration here:\n{link}',
  'mail.registration_promoted.subject': 'You have a place: {title}',
  'mail.registration_promoted.text':
    'Hello {name}!\n\nA place opened up and you are now registered for "{title}" {when} ({mode}).\n{where}\n\nA calendar file and a check-in QR code are attached.\n\nCannot come? Cancel here so the place goes to the next person on the waitlist:\n{link}',
  'mail.registration_cancelled.subject': 'Cancelled: {title}',
  'mail.registration_cancelled.text': 'Hello {name}!\n\nYour registration for "{title}" {when} is cancelled.',
  'mail.event_cancelled.subject': 'Cancelled: {title}',
  'mail.event_cancelled.text': 'Hello {name}!\n\nUnfortunately "{title}" {when} is cancelled.\n{reason}\n\nThe attached calendar file removes the event from your calendar.',
  'mail.event_rescheduled.subject': 'New time: {title}',
  'mail.event_rescheduled.text':
    'Hello {name}!\n\n"{title}" has been moved.\nBefore: {before}\nNew time: {when}\n{reason}\n\nThe attached calendar file updates your calendar. If the new time does not suit you, cancel here:\n{link}',
  'mail.event_changed.subject': 'Changed: {title}',
  'mail.event_changed.text': 'Hello {name}!\n\nThe details of "{title}" have changed: {when}.\n{where}\n\nThe attached calendar file updates your calendar.\n\nYour registration:\n{link}',
  'mail.no_reason': '',
  'mail.reason': 'Reason: {reason}',
  'mode.on_site': 'on site',
  'mode.online': 'online',
  // end groups and events
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
