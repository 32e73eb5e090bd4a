/**
 * Calls for volunteers are the initiative's lead's to run (its representatives and the space's
 * leaders: `manages` from the initiative's policy). Who signed up is personal data: only they see
 * it, and for everyone else the list does not exist (404). Counts are public with the initiative.
 */
export const canRunVolunteerCalls = (manages: boolean): boolean => manages;
export const canSeeVolunteers = (manages: boolean): boolean => manages;

/** A call takes sign-ups until it ends and while fewer than wanted have signed up. */
export const isCallOpen = (call: { ends_at: Date }, now: Date): boolean => call.ends_at.getTime() > now.getTime();
