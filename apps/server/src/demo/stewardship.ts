import type { Deps } from '../platform/deps.ts';
import { organisationSuggestionInput, representativeClaim } from '@samhandling/contracts';
import { claimRepresentation, confirmRepresentative } from '../modules/actors/representative/representative.service.ts';
import { suggestOrganisationChange } from '../modules/actors/organisation-suggestion/organisation-suggestion.service.ts';
import { demoContext, demoOrganisationId, demoUser } from './demo-context.ts';

/**
 * Organisation stewardship in the demo (issue 14 §1.1): two organisations have a confirmed
 * (fictional) representative, and a leader's suggested change waits for one of them to decide.
 */
const REPRESENTATIVES: { organisation: string; email: string; role: string; confirmedBy: string }[] = [
  { organisation: 'Hela Sverige ska leva Västerbotten', email: 'byalag@example.org', role: 'Styrelseledamot (fiktiv)', confirmedBy: 'processledare@example.org' },
  { organisation: 'Region Norrbotten', email: 'region@example.org', role: 'Regional samordnare (fiktiv)', confirmedBy: 'admin@example.org' },
];

const SUGGESTION = {
  organisation: 'Hela Sverige ska leva Västerbotten',
  proposedBy: 'processledare@example.org',
  changes: { description: 'Länsavdelning av Hela Sverige ska leva: stöttar lokala utvecklingsgrupper och byaföreningar i Västerbotten, bland annat i TALKO Lappland.' },
  comment: 'Beskrivningen saknas – förslag från arbetet i TALKO.',
};

/** Through the services, as the people would: each claims to represent, a leader (or the admin) confirms, a leader suggests. */
export async function seedDemoStewardship(deps: Deps): Promise<void> {
  const ctx = async (email: string) => demoContext(deps, await demoUser(deps, email));
  const organisationId = (name: string) => demoOrganisationId(deps, name);
  for (const r of REPRESENTATIVES) {
    const id = await organisationId(r.organisation);
    const representative = await ctx(r.email);
    await claimRepresentation(deps, representative, id, representativeClaim.parse({ role: r.role }));
    await confirmRepresentative(deps, await ctx(r.confirmedBy), id, representative.actor.kind === 'user' ? representative.actor.user.id : '');
  }
  await suggestOrganisationChange(deps, await ctx(SUGGESTION.proposedBy), await organisationId(SUGGESTION.organisation), organisationSuggestionInput.parse({ changes: SUGGESTION.changes, comment: SUGGESTION.comment }));
}
