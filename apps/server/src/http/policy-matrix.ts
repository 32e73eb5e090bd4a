import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { encodeResults, NONE } from '@samhandling/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../modules/accounts/api-token/api-token.service.ts';
import { startSession } from '../modules/accounts/session/session.service.ts';
import { anonymous } from '../platform/actor.ts';
import { consentToken } from '../platform/consent-link.ts';
import { unsubscribeToken } from '../platform/unsubscribe-link.ts';
import { hashToken } from '../platform/secrets.ts';
import { Client, createTestApp, PASSWORD, type TestApp } from '../test/app.ts';
import { TALKO_TEMPLATE, TALKO_TEMPLATE_ID } from '../modules/processes/template/talko.ts';
import { allRoutes } from './routes.ts';

/**
 * The route × role matrix. Every API route must have an entry here: a new route without one
 * fails the first test. Each cell is the status the role gets on a members-only space.
 */
const ROLES = ['anonymous', 'outsider', 'observer', 'member', 'facilitator', 'space_admin', 'platform_admin'] as const;
type Role = (typeof ROLES)[number];
type Expectation = Record<Role, number>;

interface Fixture {
  spaceId: string;
  targetUserId: string;
  targetEmail: string;
  invitationId: string;
  invitationToken: string;
  joinRequestId: string;
  profileUserId: string;
  localityId: string;
  ownSessionId: string;
  ownTokenId: string;
  organisationId: string;
  otherOrganisationId: string;
  collaborationId: string;
  personId: string;
  snapshotId: string;
  surveyId: string;
  surveyToken: string;
  email: string;
  unique: string;
  // service plans
  draftPlanId: string;
  consultationPlanId: string;
  adoptedPlanId: string;
  planCommentId: string;
  // groups and events (helper D)
  eventId: string;
  registrationId: string;
  // inputs
  inputId: string;
  // live workshop boards
  boardId: string;
  boardCode: string;
  promptId: string;
  noteId: string;
  otherNoteId: string;
  clusterId: string;
  checkInCode: string;
  documentId: string;
  groupId: string;
  groupMemberId: string;
}
interface Case {
  path: (f: Fixture) => string;
  body?: (f: Fixture) => unknown;
  contentType?: string;
  expect: Expectation;
  /** A GET that changes something (e.g. uses up a link) gets a fresh fixture like the writes. */
  fresh?: boolean;
  /** Fixture parts an accepted write needs beyond those whose ids its path and body name. */
  needs?: FixturePart[];
}

const all = (status: number): Expectation => Object.fromEntries(ROLES.map((r) => [r, status])) as Expectation;
const signedIn = (status: number): Expectation => ({ ...all(status), anonymous: 401 });
const adminOnly = (status: number): Expectation => ({ ...all(404), anonymous: 401, platform_admin: status });
const space = (ok: number, lead: Role[], others = 403): Expectation => ({
  anonymous: 401,
  outsider: 404,
  observer: lead.includes('observer') ? ok : others,
  member: lead.includes('member') ? ok : others,
  facilitator: lead.includes('facilitator') ? ok : others,
  space_admin: ok,
  platform_admin: ok,
});
const everyMember: Role[] = ['observer', 'member', 'facilitator', 'space_admin'];
/** Reading a members-only space's parts: members and admins; everyone else is told it does not exist. */
const spaceView: Expectation = {
  anonymous: 404,
  outsider: 404,
  observer: 200,
  member: 200,
  facilitator: 200,
  space_admin: 200,
  platform_admin: 200,
};
/** Personal data: hidden (404) from all but those who lead the person's space. */
const personal = (ok: number): Expectation => ({
  anonymous: 401,
  outsider: 404,
  observer: 404,
  member: 404,
  facilitator: ok,
  space_admin: ok,
  platform_admin: ok,
});

// services: analyses (helper B): multipart bodies for the upload routes.
const MATRIX_BOUNDARY = 'matrixboundary';
const MATRIX_MULTIPART = (fileName: string, content: string) =>
  `--${MATRIX_BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n${content}\r\n--${MATRIX_BOUNDARY}--\r\n`;

const MATRIX: Record<string, Case> = {
  'GET /api/health': { path: () => '/api/health', expect: all(200) },
  'GET /api/settings': { path: () => '/api/settings', expect: all(200) },
  'GET /api/openapi.json': { path: () => '/api/openapi.json', expect: all(200) },
  'POST /api/auth/sign-in': { path: () => '/api/auth/sign-in', body: (f) => ({ email: f.email, password: PASSWORD }), expect: all(200) },
  'POST /api/auth/sign-out': { path: () => '/api/auth/sign-out', expect: all(204) },
  'POST /api/auth/magic-link': { path: () => '/api/auth/magic-link', body: (f) => ({ email: f.email }), expect: all(202) },
  'POST /api/auth/magic-link/consume': {
    path: () => '/api/auth/magic-link/consume',
    body: () => ({ token: 'x'.repeat(43) }),
    expect: all(400),
  },
  'POST /api/auth/unlock': { path: () => '/api/auth/unlock', body: () => ({ token: 'x'.repeat(43) }), expect: all(400) },
  'POST /api/auth/password-reset': { path: () => '/api/auth/password-reset', body: (f) => ({ email: f.email }), expect: all(202) },
  'POST /api/auth/password-reset/complete': {
    path: () => '/api/auth/password-reset/complete',
    body: () => ({ token: 'x'.repeat(43), password: 'a-new-long-password' }),
    expect: all(400),
  },
  // OIDC is not configured in this app: start answers 404, the callback sends the browser back with an error.
  'GET /api/auth/oidc/start': { path: () => '/api/auth/oidc/start', expect: all(404) },
  'GET /api/auth/oidc/callback': { path: () => '/api/auth/oidc/callback?code=x&state=y', expect: all(302) },
  'GET /api/me': { path: () => '/api/me', expect: all(200) },
  'PATCH /api/me': { path: () => '/api/me', body: () => ({ language: 'sv' }), expect: signedIn(200) },
  'POST /api/me/password': {
    path: () => '/api/me/password',
    body: () => ({ currentPassword: PASSWORD, newPassword: PASSWORD }),
    expect: signedIn(204),
  },
  'GET /api/me/sessions': { path: () => '/api/me/sessions', expect: signedIn(200) },
  'DELETE /api/me/sessions/:id': { path: (f) => `/api/me/sessions/${f.ownSessionId}`, expect: signedIn(204) },
  'GET /api/me/tokens': { path: () => '/api/me/tokens', expect: signedIn(200) },
  'POST /api/me/tokens': { path: () => '/api/me/tokens', body: () => ({ name: 'Matris' }), expect: signedIn(201) },
  'DELETE /api/me/tokens/:id': { path: (f) => `/api/me/tokens/${f.ownTokenId}`, expect: signedIn(204) },
  'GET /api/admin/users': { path: () => '/api/admin/users', expect: adminOnly(200) },
  'POST /api/admin/users': {
    path: () => '/api/admin/users',
    body: (f) => ({ email: `new-${f.unique}@example.org`, name: 'Ny' }),
    expect: adminOnly(201),
  },
  'PATCH /api/admin/users/:id': {
    path: (f) => `/api/admin/users/${f.targetUserId}`,
    body: () => ({ name: 'Omdöpt' }),
    expect: adminOnly(200),
  },
  'GET /api/counties': { path: () => '/api/counties', expect: all(200) },
  'GET /api/counties/boundaries': { path: () => '/api/counties/boundaries', expect: all(200) },
  'GET /api/municipalities': { path: () => '/api/municipalities', expect: all(200) },
  'GET /api/municipalities/boundaries': { path: () => '/api/municipalities/boundaries?codes=2422', expect: all(200) },
  'GET /api/municipalities/:code': { path: () => '/api/municipalities/2422', expect: all(200) },
  'GET /api/localities': { path: () => '/api/localities', expect: all(200) },
  'GET /api/localities/:id': { path: (f) => `/api/localities/${f.localityId}`, expect: all(200) },
  // A village's dashboard: public, over the spaces each caller sees.
  'GET /api/localities/:id/dashboard': { path: (f) => `/api/localities/${f.localityId}/dashboard`, expect: all(200) },
  'POST /api/localities': {
    path: () => '/api/localities',
    body: (f) => ({ name: `Ort ${f.unique}`, municipalityCode: '2422', lon: 17, lat: 65 }),
    expect: adminOnly(201),
  },
  'PATCH /api/localities/:id': { path: (f) => `/api/localities/${f.localityId}`, body: () => ({ population: 12 }), expect: adminOnly(200) },
  'DELETE /api/localities/:id': { path: (f) => `/api/localities/${f.localityId}`, expect: adminOnly(204) },
  'POST /api/localities/import': {
    path: () => '/api/localities/import?dryRun=true',
    body: (f) => `name,municipality_code,lon,lat\nImport ${f.unique},2422,17,65\n`,
    contentType: 'text/csv',
    expect: adminOnly(200),
  },
  'GET /api/spaces': { path: () => '/api/spaces', expect: all(200) },
  'POST /api/spaces': {
    path: () => '/api/spaces',
    body: () => ({ name: 'Matrisarena', kind: 'project', visibility: 'members' }),
    expect: signedIn(201),
  },
  'GET /api/spaces/:id': { path: (f) => `/api/spaces/${f.spaceId}`, expect: { ...space(200, everyMember), anonymous: 404 } },
  'PATCH /api/spaces/:id': { path: (f) => `/api/spaces/${f.spaceId}`, body: () => ({ description: 'Ändrad' }), expect: space(200, []) },
  'GET /api/spaces/:id/members': { path: (f) => `/api/spaces/${f.spaceId}/members`, expect: space(200, everyMember) },
  'POST /api/spaces/:id/members': {
    path: (f) => `/api/spaces/${f.spaceId}/members`,
    body: (f) => ({ email: `invited-${f.unique}@example.org`, role: 'member' }),
    expect: space(201, ['facilitator']),
  },
  'PATCH /api/spaces/:id/members/:userId': {
    path: (f) => `/api/spaces/${f.spaceId}/members/${f.targetUserId}`,
    body: () => ({ role: 'observer' }),
    expect: space(200, []),
  },
  'DELETE /api/spaces/:id/members/:userId': { path: (f) => `/api/spaces/${f.spaceId}/members/${f.targetUserId}`, expect: space(204, []) },
  'GET /api/spaces/:id/invitations': { path: (f) => `/api/spaces/${f.spaceId}/invitations`, expect: space(200, ['facilitator']) },
  'DELETE /api/spaces/:id/invitations/:invitationId': {
    path: (f) => `/api/spaces/${f.spaceId}/invitations/${f.invitationId}`,
    expect: space(204, ['facilitator']),
  },
  'POST /api/invitations/preview': {
    path: () => '/api/invitations/preview',
    body: (f) => ({ token: f.invitationToken }),
    expect: all(200),
  },
  'POST /api/invitations/accept': {
    path: () => '/api/invitations/accept',
    body: (f) => ({ token: f.invitationToken, name: 'Ny via länk' }),
    expect: all(200),
  },
  // Joining (issue 13 §2) on this members-only space: outsiders are told it does not exist; its
  // members are already in; a platform admin sees it but may not let themselves in.
  'POST /api/spaces/:id/join': {
    path: (f) => `/api/spaces/${f.spaceId}/join`,
    body: () => ({}),
    expect: { anonymous: 401, outsider: 404, observer: 409, member: 409, facilitator: 409, space_admin: 409, platform_admin: 403 },
  },
  'GET /api/spaces/:id/join': { path: (f) => `/api/spaces/${f.spaceId}/join`, expect: { ...space(200, everyMember), platform_admin: 200 } },
  'DELETE /api/spaces/:id/join': {
    path: (f) => `/api/spaces/${f.spaceId}/join`,
    expect: { anonymous: 401, outsider: 404, observer: 404, member: 404, facilitator: 404, space_admin: 404, platform_admin: 404 },
  },
  'GET /api/spaces/:id/join-requests': { path: (f) => `/api/spaces/${f.spaceId}/join-requests`, expect: space(200, ['facilitator']) },
  'POST /api/spaces/:id/join-requests/:requestId/decision': {
    path: (f) => `/api/spaces/${f.spaceId}/join-requests/${f.joinRequestId}/decision`,
    body: () => ({ decision: 'decline' }),
    expect: space(200, ['facilitator']),
  },
  // Profiles: one's own for anyone signed in; another's (shown to "members") for those who share a space with them.
  'GET /api/me/profile': { path: () => '/api/me/profile', expect: signedIn(200) },
  'PUT /api/me/profile': {
    path: () => '/api/me/profile',
    body: () => ({ organisation: 'Matrisföreningen', visibility: 'members' }),
    expect: signedIn(200),
  },
  'GET /api/users/:id/profile': {
    path: (f) => `/api/users/${f.profileUserId}/profile`,
    expect: { anonymous: 404, outsider: 404, observer: 200, member: 200, facilitator: 200, space_admin: 200, platform_admin: 404 },
  },
  'GET /api/organisations': { path: () => '/api/organisations?q=Matris', expect: all(200) },
  'POST /api/organisations': {
    path: () => '/api/organisations',
    body: (f) => ({
      name: `Ny förening ${f.unique}`,
      sector: 'civil_society',
      type: 'association',
      level: 'local',
      municipalityCode: '2422',
    }),
    expect: signedIn(201),
  },
  'POST /api/organisations/duplicates': {
    path: () => '/api/organisations/duplicates',
    body: () => ({ name: 'Matrisorg', municipalityCode: '2422' }),
    expect: signedIn(200),
  },
  'GET /api/organisations/:id': { path: (f) => `/api/organisations/${f.organisationId}`, expect: all(200) },
  // Kept by its representatives and admins: a space's leaders only suggest (issue 14 §1.1).
  'PATCH /api/organisations/:id': {
    path: (f) => `/api/organisations/${f.organisationId}`,
    body: () => ({ description: 'Ny text' }),
    expect: { ...signedIn(403), platform_admin: 200 },
  },
  'GET /api/organisations/:id/representatives': {
    path: (f) => `/api/organisations/${f.organisationId}/representatives`,
    expect: signedIn(200),
  },
  // Admins keep every organisation and do not claim one.
  'POST /api/organisations/:id/representatives': {
    path: (f) => `/api/organisations/${f.organisationId}/representatives`,
    body: () => ({ role: 'Ordförande' }),
    expect: { ...signedIn(201), platform_admin: 409 },
  },
  // Someone's claim: confirmed by a leader of the organisation's space (it has no representative yet) or an admin; hidden from others.
  'POST /api/organisations/:id/representatives/:userId/confirm': {
    path: (f) => `/api/organisations/${f.organisationId}/representatives/${f.targetUserId}/confirm`,
    // The target member's request to represent the organisation.
    needs: ['stewardship'],
    expect: personal(200),
  },
  'DELETE /api/organisations/:id/representatives/:userId': {
    path: (f) => `/api/organisations/${f.organisationId}/representatives/${f.targetUserId}`,
    // The target member's request to represent the organisation.
    needs: ['stewardship'],
    expect: personal(204),
  },
  'POST /api/organisations/:id/suggestions': {
    path: (f) => `/api/organisations/${f.organisationId}/suggestions`,
    body: () => ({ changes: { description: 'Föreslagen text' } }),
    expect: { ...signedIn(403), facilitator: 201, space_admin: 201 },
  },
  'GET /api/organisations/:id/suggestions': { path: (f) => `/api/organisations/${f.organisationId}/suggestions`, expect: all(200) },
  // Someone else's suggestion exists only for those who keep the organisation (here: admins).
  'POST /api/organisation-suggestions/:id/decision': {
    path: (f) => `/api/organisation-suggestions/${f.organisationSuggestionId}/decision`,
    body: () => ({ decision: 'reject', note: 'Nej' }),
    expect: adminOnly(200),
  },
  'DELETE /api/organisations/:id': {
    path: (f) => `/api/organisations/${f.organisationId}`,
    expect: { ...all(403), anonymous: 401, platform_admin: 204 },
  },
  'GET /api/spaces/:id/organisations': { path: (f) => `/api/spaces/${f.spaceId}/organisations`, expect: spaceView },
  'POST /api/spaces/:id/organisations': {
    path: (f) => `/api/spaces/${f.spaceId}/organisations`,
    body: (f) => ({ organisationId: f.otherOrganisationId }),
    expect: space(201, ['facilitator']),
  },
  'DELETE /api/spaces/:id/organisations/:organisationId': {
    path: (f) => `/api/spaces/${f.spaceId}/organisations/${f.organisationId}`,
    expect: space(204, ['facilitator']),
  },
  'GET /api/people': { path: () => '/api/people', expect: signedIn(200) },
  'POST /api/people': {
    path: () => '/api/people',
    body: (f) => ({ name: 'Fiktiv Person', spaceId: f.spaceId, consent: { purpose: 'Arbetsgrupp', textVersion: '1', method: 'form' } }),
    expect: space(201, ['facilitator']),
  },
  'GET /api/people/:id': { path: (f) => `/api/people/${f.personId}`, expect: personal(200) },
  'PATCH /api/people/:id': { path: (f) => `/api/people/${f.personId}`, body: () => ({ ageGroup: '16_25' }), expect: personal(200) },
  'DELETE /api/people/:id': { path: (f) => `/api/people/${f.personId}`, expect: personal(204) },
  'GET /api/collaborations': { path: (f) => `/api/collaborations?organisation=${f.organisationId}`, expect: all(200) },
  // Recorded as seen in the space: its leaders; a space the caller may not see does not exist.
  'POST /api/collaborations': {
    path: () => '/api/collaborations',
    body: (f) => ({ organisationIds: [f.organisationId, f.otherOrganisationId], type: 'funding', spaceId: f.spaceId }),
    expect: space(201, ['facilitator']),
  },
  // The fixture's collaboration is the members-only space's own.
  'GET /api/collaborations/:id': { path: (f) => `/api/collaborations/${f.collaborationId}`, expect: spaceView },
  'DELETE /api/collaborations/:id': { path: (f) => `/api/collaborations/${f.collaborationId}`, expect: space(204, ['facilitator']) },
  'GET /api/spaces/:id/network': { path: (f) => `/api/spaces/${f.spaceId}/network`, expect: spaceView },
  'GET /api/spaces/:id/network/metrics': { path: (f) => `/api/spaces/${f.spaceId}/network/metrics`, expect: spaceView },
  'GET /api/spaces/:id/network/export': { path: (f) => `/api/spaces/${f.spaceId}/network/export?format=gexf`, expect: spaceView },
  'GET /api/network': { path: () => '/api/network?municipality=2422', expect: all(200) },
  'GET /api/spaces/:id/network/snapshots': { path: (f) => `/api/spaces/${f.spaceId}/network/snapshots`, expect: spaceView },
  'POST /api/spaces/:id/network/snapshots': {
    path: (f) => `/api/spaces/${f.spaceId}/network/snapshots`,
    body: () => ({ name: 'Baslinje' }),
    expect: space(201, ['facilitator']),
  },
  'GET /api/spaces/:id/network/snapshots/:snapshotId/compare': {
    path: (f) => `/api/spaces/${f.spaceId}/network/snapshots/${f.snapshotId}/compare`,
    expect: spaceView,
  },
  'GET /api/spaces/:id/surveys': { path: (f) => `/api/spaces/${f.spaceId}/surveys`, expect: space(200, ['facilitator']) },
  'POST /api/spaces/:id/surveys': {
    path: (f) => `/api/spaces/${f.spaceId}/surveys`,
    body: (f) => ({ title: 'Kartläggning', recipients: [{ organisationId: f.organisationId, email: 'kontakt@example.org' }] }),
    expect: space(201, ['facilitator']),
  },
  'POST /api/spaces/:id/surveys/:surveyId/remind': {
    path: (f) => `/api/spaces/${f.spaceId}/surveys/${f.surveyId}/remind`,
    expect: space(200, ['facilitator']),
  },
  'POST /api/surveys/form': { path: () => '/api/surveys/form', body: (f) => ({ token: f.surveyToken }), expect: all(200) },
  'POST /api/surveys/answer': { path: () => '/api/surveys/answer', body: (f) => ({ token: f.surveyToken, answers: [] }), expect: all(200) },
  'POST /api/spaces/:id/import/:kind': {
    path: (f) => `/api/spaces/${f.spaceId}/import/organisations?dryRun=true`,
    body: (f) => `name,sector,type,level\nImporterad ${f.unique},civil_society,association,local\n`,
    contentType: 'text/csv',
    expect: space(200, ['facilitator']),
  },
  // groups and events (helper D)
  'GET /api/spaces/:id/groups': { path: (f) => `/api/spaces/${f.spaceId}/groups`, expect: spaceView },
  'POST /api/spaces/:id/groups': {
    path: (f) => `/api/spaces/${f.spaceId}/groups`,
    body: () => ({ name: 'Matrisgrupp', municipalityCode: '2422' }),
    expect: space(201, ['facilitator']),
  },
  'GET /api/groups/:id': { path: (f) => `/api/groups/${f.groupId}`, expect: spaceView },
  'PATCH /api/groups/:id': {
    path: (f) => `/api/groups/${f.groupId}`,
    body: () => ({ targets: { youth: 2 } }),
    expect: space(200, ['facilitator']),
  },
  'POST /api/groups/:id/members': {
    path: (f) => `/api/groups/${f.groupId}/members`,
    body: (f) => ({ personId: f.personId }),
    expect: space(201, ['facilitator']),
  },
  'DELETE /api/groups/:id/members/:personId': {
    path: (f) => `/api/groups/${f.groupId}/members/${f.groupMemberId}`,
    expect: space(204, ['facilitator']),
  },
  'GET /api/spaces/:id/events': { path: (f) => `/api/spaces/${f.spaceId}/events`, expect: spaceView },
  'POST /api/spaces/:id/events': {
    path: (f) => `/api/spaces/${f.spaceId}/events`,
    body: () => ({
      kind: 'workshop',
      title: 'Matrisverkstad',
      startsAt: '2030-05-01T16:00:00Z',
      endsAt: '2030-05-01T18:00:00Z',
      capacity: 10,
    }),
    expect: space(201, ['facilitator']),
  },
  'GET /api/spaces/:id/calendar.ics': { path: (f) => `/api/spaces/${f.spaceId}/calendar.ics`, expect: spaceView },
  'GET /api/events/:id': { path: (f) => `/api/events/${f.eventId}`, expect: spaceView },
  'PATCH /api/events/:id': {
    path: (f) => `/api/events/${f.eventId}`,
    body: () => ({ title: 'Ny titel' }),
    expect: space(200, ['facilitator']),
  },
  'POST /api/events/:id/cancel': {
    path: (f) => `/api/events/${f.eventId}/cancel`,
    body: () => ({ reason: 'Matris' }),
    expect: space(200, ['facilitator']),
  },
  'POST /api/events/:id/reschedule': {
    path: (f) => `/api/events/${f.eventId}/reschedule`,
    body: () => ({ startsAt: '2030-06-01T16:00:00Z', endsAt: '2030-06-01T18:00:00Z' }),
    expect: space(200, ['facilitator']),
  },
  'GET /api/events/:id/calendar.ics': { path: (f) => `/api/events/${f.eventId}/calendar.ics`, expect: spaceView },
  'POST /api/events/:id/registrations': {
    path: (f) => `/api/events/${f.eventId}/registrations`,
    body: (f) => ({ name: 'Matrisdeltagare', email: `deltagare-${f.unique}@example.org` }),
    expect: { ...spaceView, observer: 201, member: 201, facilitator: 201, space_admin: 201, platform_admin: 201 },
  },
  'GET /api/events/:id/registrations': { path: (f) => `/api/events/${f.eventId}/registrations`, expect: space(200, ['facilitator']) },
  // Without the participant's token: only the space's leaders; everyone else is told it does not exist.
  'GET /api/registrations/:id': { path: (f) => `/api/registrations/${f.registrationId}`, expect: { ...personal(200), anonymous: 404 } },
  'DELETE /api/registrations/:id': { path: (f) => `/api/registrations/${f.registrationId}`, expect: { ...personal(204), anonymous: 404 } },
  'POST /api/registrations/:id/check-in': {
    path: (f) => `/api/registrations/${f.registrationId}/check-in`,
    body: (f) => ({ code: f.checkInCode }),
    expect: space(200, ['facilitator']),
  },
  'PATCH /api/registrations/:id': {
    path: (f) => `/api/registrations/${f.registrationId}`,
    body: () => ({ attended: true }),
    expect: space(200, ['facilitator']),
  },
  'GET /api/events/:id/statistics': { path: (f) => `/api/events/${f.eventId}/statistics`, expect: spaceView },
  'GET /api/events/:id/documents': { path: (f) => `/api/events/${f.eventId}/documents`, expect: spaceView },
  'POST /api/events/:id/documents': {
    path: (f) => `/api/events/${f.eventId}/documents`,
    body: () =>
      `--matris\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n%%EOF\n\r\n--matris--\r\n`,
    contentType: 'multipart/form-data; boundary=matris',
    expect: space(201, ['facilitator']),
  },
  'GET /api/events/:id/documents/:documentId': { path: (f) => `/api/events/${f.eventId}/documents/${f.documentId}`, expect: spaceView },
  'DELETE /api/events/:id/documents/:documentId': {
    path: (f) => `/api/events/${f.eventId}/documents/${f.documentId}`,
    expect: space(204, ['facilitator']),
  },
  // service points (helper A)
  'GET /api/spaces/:id/service-points': { path: (f) => `/api/spaces/${f.spaceId}/service-points`, expect: spaceView },
  'POST /api/spaces/:id/service-points': {
    path: (f) => `/api/spaces/${f.spaceId}/service-points`,
    body: (f) => ({ externalId: `ny-${f.unique}`, name: 'Ny butik', lon: 13.14, lat: 61.69, kinds: ['groceries_partial'] }),
    expect: space(201, ['facilitator']),
  },
  'GET /api/service-points/:id': { path: (f) => `/api/service-points/${f.servicePointId}`, expect: spaceView },
  'PATCH /api/service-points/:id': {
    path: (f) => `/api/service-points/${f.servicePointId}`,
    body: () => ({ staffed: false }),
    expect: space(200, ['facilitator']),
  },
  'GET /api/service-points/:id/history': { path: (f) => `/api/service-points/${f.servicePointId}/history`, expect: spaceView },
  'GET /api/spaces/:id/service-points/export': {
    path: (f) => `/api/spaces/${f.spaceId}/service-points/export?format=geojson`,
    expect: spaceView,
  },
  'POST /api/spaces/:id/service-points/import': {
    path: (f) => `/api/spaces/${f.spaceId}/service-points/import?dryRun=true`,
    body: (f) =>
      `--matrix\r\nContent-Disposition: form-data; name="file"; filename="p.csv"\r\nContent-Type: text/csv\r\n\r\nid,type,lon,lat,name\nm-${f.unique},fuel,13.1,61.6,Mack\n\r\n--matrix--\r\n`,
    contentType: 'multipart/form-data; boundary=matrix',
    expect: space(200, ['facilitator']),
  },
  'POST /api/service-points/:id/suggestions': {
    path: (f) => `/api/service-points/${f.servicePointId}/suggestions`,
    body: () => ({ changes: { staffed: true }, comment: 'Bemannad igen' }),
    expect: { ...spaceView, anonymous: 401, observer: 201, member: 201, facilitator: 201, space_admin: 201, platform_admin: 201 },
  },
  'GET /api/service-points/:id/suggestions': { path: (f) => `/api/service-points/${f.servicePointId}/suggestions`, expect: spaceView },
  'GET /api/spaces/:id/service-point-suggestions': {
    path: (f) => `/api/spaces/${f.spaceId}/service-point-suggestions`,
    expect: space(200, ['facilitator']),
  },
  // Someone else's suggestion does not exist for members who do not decide.
  'POST /api/service-point-suggestions/:id/decision': {
    path: (f) => `/api/service-point-suggestions/${f.servicePointSuggestionId}/decision`,
    body: () => ({ decision: 'reject', note: 'Nej' }),
    expect: space(200, ['facilitator'], 404),
  },
  // services: population, road networks, analyses, scenarios (helper B)
  'GET /api/spaces/:id/population': { path: (f) => `/api/spaces/${f.spaceId}/population`, expect: spaceView },
  'POST /api/spaces/:id/population/import': {
    path: (f) => `/api/spaces/${f.spaceId}/population/import`,
    body: () => MATRIX_MULTIPART('byar.csv', 'id,lon,lat,population\nby-1,17.89,66.05,12\n'),
    contentType: `multipart/form-data; boundary=${MATRIX_BOUNDARY}`,
    expect: space(201, ['facilitator']),
  },
  // The matrix space has no municipalities, so no localities: leaders pass the policy and get the message.
  'POST /api/spaces/:id/population/localities': {
    path: (f) => `/api/spaces/${f.spaceId}/population/localities`,
    body: () => ({}),
    expect: space(400, ['facilitator']),
  },
  'GET /api/spaces/:id/networks': { path: (f) => `/api/spaces/${f.spaceId}/networks`, expect: spaceView },
  // The matrix space has no built network: its viewers get an empty collection (the roads themselves are in network-roads.api.test.ts).
  'GET /api/spaces/:id/networks/roads': { path: (f) => `/api/spaces/${f.spaceId}/networks/roads`, expect: spaceView },
  // Not a PBF: leaders pass the policy and are told the file is unreadable (a real extract is built in the analysis tests).
  'POST /api/spaces/:id/networks/import': {
    path: (f) => `/api/spaces/${f.spaceId}/networks/import`,
    body: () => MATRIX_MULTIPART('roads.osm.pbf', 'not a pbf file at all, just text'),
    contentType: `multipart/form-data; boundary=${MATRIX_BOUNDARY}`,
    expect: space(400, ['facilitator']),
  },
  'GET /api/spaces/:id/analyses': { path: (f) => `/api/spaces/${f.spaceId}/analyses`, expect: spaceView },
  'POST /api/spaces/:id/analyses': {
    path: (f) => `/api/spaces/${f.spaceId}/analyses`,
    body: (f) => ({ populationId: f.populationId, networkId: null }),
    expect: space(202, ['facilitator']),
  },
  'GET /api/analyses/:id': { path: (f) => `/api/analyses/${f.analysisId}`, expect: spaceView },
  'POST /api/analyses/:id/cancel': { path: (f) => `/api/analyses/${f.analysisId}/cancel`, expect: space(200, ['facilitator']) },
  'GET /api/analyses/:id/results.csv': { path: (f) => `/api/analyses/${f.analysisId}/results.csv`, expect: spaceView },
  'GET /api/analyses/:id/origins': { path: (f) => `/api/analyses/${f.analysisId}/origins`, expect: spaceView },
  'POST /api/analyses/:id/scenarios': {
    path: (f) => `/api/analyses/${f.analysisId}/scenarios`,
    body: () => ({ close: [] }),
    expect: space(200, everyMember),
  },
  'GET /api/analyses/:id/scenarios': { path: (f) => `/api/analyses/${f.analysisId}/scenarios`, expect: spaceView },
  'GET /api/scenarios/:id': { path: (f) => `/api/scenarios/${f.scenarioId}`, expect: spaceView },
  'GET /api/admin/audit': { path: () => '/api/admin/audit', expect: adminOnly(200) },
  'GET /api/admin/outbox': { path: () => '/api/admin/outbox', expect: adminOnly(200) },
  // service plans (kommunal serviceplan) and the regional service programme
  'GET /api/spaces/:id/service-plans': { path: (f) => `/api/spaces/${f.spaceId}/service-plans`, expect: spaceView },
  'POST /api/spaces/:id/service-plans': {
    path: (f) => `/api/spaces/${f.spaceId}/service-plans`,
    body: () => ({ title: 'Matrisplan', municipalityCode: '2422', periodStart: 2026, periodEnd: 2029 }),
    // The matrix space has no municipalities: leaders pass the policy and are told the municipality is not the space's.
    expect: space(400, ['facilitator']),
  },
  'GET /api/service-plans/:id': { path: (f) => `/api/service-plans/${f.draftPlanId}`, expect: spaceView },
  'PATCH /api/service-plans/:id': {
    path: (f) => `/api/service-plans/${f.draftPlanId}`,
    body: () => ({ background: 'Ny bakgrund' }),
    expect: space(200, ['facilitator']),
  },
  'POST /api/service-plans/:id/consultation': {
    path: (f) => `/api/service-plans/${f.draftPlanId}/consultation`,
    body: () => ({ endsOn: '2099-12-31' }),
    expect: space(200, ['facilitator']),
  },
  'POST /api/service-plans/:id/adopt': {
    path: (f) => `/api/service-plans/${f.consultationPlanId}/adopt`,
    body: () => ({ decisionBody: 'Kommunfullmäktige', decisionDate: '2099-01-01', minuteReference: '§ 1' }),
    expect: space(200, ['facilitator']),
  },
  'POST /api/service-plans/:id/revise': {
    path: (f) => `/api/service-plans/${f.consultationPlanId}/revise`,
    expect: space(200, ['facilitator']),
  },
  'GET /api/service-plans/:id/versions': { path: (f) => `/api/service-plans/${f.consultationPlanId}/versions`, expect: spaceView },
  'GET /api/service-plans/:id/versions/:number': {
    path: (f) => `/api/service-plans/${f.consultationPlanId}/versions/1`,
    expect: spaceView,
  },
  'POST /api/service-plans/:id/follow-ups': {
    path: (f) => `/api/service-plans/${f.adoptedPlanId}/follow-ups`,
    body: () => ({ year: 2026, summary: 'Uppföljning' }),
    expect: space(201, ['facilitator']),
  },
  'GET /api/service-plans/:id/comments': { path: (f) => `/api/service-plans/${f.consultationPlanId}/comments`, expect: spaceView },
  'POST /api/service-plans/:id/comments': {
    path: (f) => `/api/service-plans/${f.consultationPlanId}/comments`,
    body: () => ({ body: 'En synpunkt på planen' }),
    expect: { ...spaceView, observer: 201, member: 201, facilitator: 201, space_admin: 201, platform_admin: 201 },
  },
  'PATCH /api/service-plans/:id/comments/:commentId': {
    path: (f) => `/api/service-plans/${f.consultationPlanId}/comments/${f.planCommentId}`,
    body: () => ({ status: 'published' }),
    expect: space(200, ['facilitator']),
  },
  'GET /api/service-plans/:id/export.docx': { path: (f) => `/api/service-plans/${f.draftPlanId}/export.docx`, expect: spaceView },
  'GET /api/service-plans/:id/export.pdf': { path: (f) => `/api/service-plans/${f.draftPlanId}/export.pdf`, expect: spaceView },
  'GET /api/service-plans/:id/document': { path: (f) => `/api/service-plans/${f.draftPlanId}/document`, expect: spaceView },
  'GET /api/counties/:code/service-programme': { path: () => '/api/counties/24/service-programme', expect: all(200) },
  // --- inputs (needs and ideas) and the Agenda 2030 goals ---
  'GET /api/agenda2030/goals': { path: () => '/api/agenda2030/goals', expect: all(200) },
  'GET /api/spaces/:id/inputs': { path: (f) => `/api/spaces/${f.spaceId}/inputs`, expect: spaceView },
  'POST /api/spaces/:id/inputs': {
    path: (f) => `/api/spaces/${f.spaceId}/inputs`,
    body: () => ({ text: 'Ett paketombud i byn', kind: 'need', theme: 'service', serviceType: 'post' }),
    expect: { ...spaceView, observer: 201, member: 201, facilitator: 201, space_admin: 201, platform_admin: 201 },
  },
  'GET /api/spaces/:id/inputs/summary': { path: (f) => `/api/spaces/${f.spaceId}/inputs/summary?kind=need`, expect: spaceView },
  'GET /api/spaces/:id/inputs/export': { path: (f) => `/api/spaces/${f.spaceId}/inputs/export?format=csv`, expect: spaceView },
  'GET /api/inputs/:id': { path: (f) => `/api/inputs/${f.inputId}`, expect: spaceView },
  'PATCH /api/inputs/:id': {
    path: (f) => `/api/inputs/${f.inputId}`,
    body: () => ({ status: 'being_assessed', reason: 'Matris' }),
    expect: space(200, ['facilitator']),
  },
  // --- end inputs ---
  // --- live workshop boards: run by those who lead the space; participants come with a token (not a role here) ---
  'GET /api/events/:id/boards': { path: (f) => `/api/events/${f.eventId}/boards`, expect: space(200, ['facilitator']) },
  'POST /api/events/:id/boards': {
    path: (f) => `/api/events/${f.eventId}/boards`,
    body: () => ({ prompts: ['Matris?'] }),
    expect: space(201, ['facilitator']),
  },
  'POST /api/boards/join': { path: () => '/api/boards/join', body: (f) => ({ code: f.boardCode }), expect: all(201) },
  'GET /api/boards/:id': { path: (f) => `/api/boards/${f.boardId}`, expect: { ...personal(200), anonymous: 404 } },
  'GET /api/boards/:id/live': { path: (f) => `/api/boards/${f.boardId}/live?since=0`, expect: { ...personal(200), anonymous: 404 } },
  'PATCH /api/boards/:id': { path: (f) => `/api/boards/${f.boardId}`, body: () => ({ voting: 'open' }), expect: personal(200) },
  'POST /api/boards/:id/close': { path: (f) => `/api/boards/${f.boardId}/close`, expect: personal(200) },
  'GET /api/boards/:id/qr.svg': { path: (f) => `/api/boards/${f.boardId}/qr.svg`, expect: personal(200) },
  'POST /api/boards/:id/notes': {
    path: (f) => `/api/boards/${f.boardId}/notes`,
    body: (f) => ({ promptId: f.promptId, text: 'Matrislapp', clientKey: `matrix-${f.unique}` }),
    expect: { ...personal(201), anonymous: 404 },
  },
  'PATCH /api/boards/:id/notes/:noteId': {
    path: (f) => `/api/boards/${f.boardId}/notes/${f.noteId}`,
    body: () => ({ text: 'Ändrad lapp' }),
    expect: { ...personal(200), anonymous: 404 },
  },
  'POST /api/boards/:id/merges': {
    path: (f) => `/api/boards/${f.boardId}/merges`,
    body: (f) => ({ sourceId: f.otherNoteId, targetId: f.noteId }),
    expect: personal(200),
  },
  'POST /api/boards/:id/clusters': {
    path: (f) => `/api/boards/${f.boardId}/clusters`,
    body: (f) => ({ promptId: f.promptId, label: 'Tema' }),
    expect: personal(201),
  },
  'PATCH /api/boards/:id/clusters/:clusterId': {
    path: (f) => `/api/boards/${f.boardId}/clusters/${f.clusterId}`,
    body: () => ({ label: 'Nytt tema' }),
    expect: personal(200),
  },
  'DELETE /api/boards/:id/clusters/:clusterId': { path: (f) => `/api/boards/${f.boardId}/clusters/${f.clusterId}`, expect: personal(204) },
  // Dots are the participants': a facilitator's session may not vote, everyone else does not see the board.
  'PUT /api/boards/:id/votes/:noteId': {
    path: (f) => `/api/boards/${f.boardId}/votes/${f.noteId}`,
    body: () => ({ dots: 1 }),
    expect: { ...all(404), facilitator: 403, space_admin: 403, platform_admin: 403 },
  },
  // --- end live workshop boards ---
  // --- alliances, joint initiatives, calls for volunteers (issue 11 §2): the fixture's alliance is members-only ---
  'GET /api/alliances': { path: () => '/api/alliances?goal=11', expect: all(200) },
  'GET /api/spaces/:id/alliances': { path: (f) => `/api/spaces/${f.spaceId}/alliances`, expect: spaceView },
  'POST /api/spaces/:id/alliances': {
    path: (f) => `/api/spaces/${f.spaceId}/alliances`,
    body: () => ({ name: 'Matrisallians', goals: [11] }),
    expect: space(201, ['facilitator']),
  },
  'GET /api/alliances/:id': { path: (f) => `/api/alliances/${f.allianceId}`, expect: spaceView },
  'PATCH /api/alliances/:id': {
    path: (f) => `/api/alliances/${f.allianceId}`,
    body: () => ({ purpose: 'Nytt syfte' }),
    expect: space(200, ['facilitator']),
  },
  'POST /api/alliances/:id/members': {
    path: (f) => `/api/alliances/${f.allianceId}/members`,
    body: (f) => ({ organisationId: f.otherOrganisationId }),
    expect: space(200, ['facilitator']),
  },
  'DELETE /api/alliances/:id/members/:organisationId': {
    path: (f) => `/api/alliances/${f.allianceId}/members/${f.organisationId}`,
    expect: space(204, ['facilitator']),
  },
  'GET /api/initiatives': { path: () => '/api/initiatives?county=25', expect: all(200) },
  'GET /api/alliances/:id/initiatives': { path: (f) => `/api/alliances/${f.allianceId}/initiatives`, expect: spaceView },
  'POST /api/alliances/:id/initiatives': {
    path: (f) => `/api/alliances/${f.allianceId}/initiatives`,
    body: (f) => ({ title: 'Matrisinitiativ', leadOrganisationId: f.organisationId }),
    expect: space(201, ['facilitator']),
  },
  'GET /api/initiatives/:id': { path: (f) => `/api/initiatives/${f.initiativeId}`, expect: spaceView },
  'PATCH /api/initiatives/:id': {
    path: (f) => `/api/initiatives/${f.initiativeId}`,
    body: () => ({ status: 'planned' }),
    expect: space(200, ['facilitator']),
  },
  'POST /api/initiatives/:id/partners': {
    path: (f) => `/api/initiatives/${f.initiativeId}/partners`,
    body: (f) => ({ organisationId: f.otherOrganisationId, commitment: 'Lokaler' }),
    expect: space(200, ['facilitator']),
  },
  'DELETE /api/initiatives/:id/partners/:organisationId': {
    path: (f) => `/api/initiatives/${f.initiativeId}/partners/${f.otherOrganisationId}`,
    expect: space(204, ['facilitator']),
  },
  'POST /api/initiatives/:id/updates': {
    path: (f) => `/api/initiatives/${f.initiativeId}/updates`,
    body: () => ({ text: 'Lägesrapport' }),
    expect: space(201, ['facilitator']),
  },
  'GET /api/initiatives/:id/volunteer-calls': { path: (f) => `/api/initiatives/${f.initiativeId}/volunteer-calls`, expect: spaceView },
  'POST /api/initiatives/:id/volunteer-calls': {
    path: (f) => `/api/initiatives/${f.initiativeId}/volunteer-calls`,
    body: () => ({ title: 'Matrisupprop', startsAt: '2030-05-01T08:00:00Z', endsAt: '2030-05-01T12:00:00Z', wanted: 5 }),
    expect: space(201, ['facilitator']),
  },
  'POST /api/volunteer-calls/:id/signups': {
    path: (f) => `/api/volunteer-calls/${f.volunteerCallId}/signups`,
    body: (f) => ({ name: 'Matrisvolontär', email: `volontar-${f.unique}@example.org` }),
    expect: { ...spaceView, observer: 201, member: 201, facilitator: 201, space_admin: 201, platform_admin: 201 },
  },
  // With the e-mailed link's token: anyone who holds it.
  'POST /api/volunteer-signups/confirm': {
    path: () => '/api/volunteer-signups/confirm',
    body: (f) => ({ token: f.volunteerConfirmToken }),
    expect: all(200),
  },
  'POST /api/volunteer-signups/cancel': {
    path: () => '/api/volunteer-signups/cancel',
    body: (f) => ({ token: f.volunteerCancelToken }),
    expect: all(200),
  },
  // Who signed up is personal data: the organisers only; for everyone else it does not exist.
  'GET /api/volunteer-calls/:id/signups': { path: (f) => `/api/volunteer-calls/${f.volunteerCallId}/signups`, expect: personal(200) },
  'PATCH /api/volunteer-signups/:id': {
    path: (f) => `/api/volunteer-signups/${f.volunteerSignupId}`,
    body: () => ({ hours: 2 }),
    expect: personal(200),
  },
  'GET /api/initiatives/:id/documents': { path: (f) => `/api/initiatives/${f.initiativeId}/documents`, expect: spaceView },
  'POST /api/initiatives/:id/documents': {
    path: (f) => `/api/initiatives/${f.initiativeId}/documents`,
    body: () =>
      `--matris\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n%%EOF\n\r\n--matris--\r\n`,
    contentType: 'multipart/form-data; boundary=matris',
    expect: space(201, ['facilitator']),
  },
  'GET /api/initiatives/:id/documents/:documentId': {
    path: (f) => `/api/initiatives/${f.initiativeId}/documents/${f.initiativeDocumentId}`,
    expect: spaceView,
  },
  'DELETE /api/initiatives/:id/documents/:documentId': {
    path: (f) => `/api/initiatives/${f.initiativeId}/documents/${f.initiativeDocumentId}`,
    expect: space(204, ['facilitator']),
  },
  // --- end alliances ---
  // --- action plans, measures and indicators (issue 10 §2–3, branch plans): read with the space, written by its leaders ---
  'GET /api/spaces/:id/action-plans': { path: (f) => `/api/spaces/${f.spaceId}/action-plans`, expect: spaceView },
  'POST /api/spaces/:id/action-plans': {
    path: (f) => `/api/spaces/${f.spaceId}/action-plans`,
    body: () => ({ title: 'Matrisplan' }),
    expect: space(201, ['facilitator']),
  },
  'GET /api/action-plans/:id': { path: (f) => `/api/action-plans/${f.actionPlanId}`, expect: spaceView },
  'PATCH /api/action-plans/:id': {
    path: (f) => `/api/action-plans/${f.actionPlanId}`,
    body: () => ({ status: 'active' }),
    expect: space(200, ['facilitator']),
  },
  'POST /api/action-plans/:id/measures': {
    path: (f) => `/api/action-plans/${f.actionPlanId}/measures`,
    body: (f) => ({ title: 'Matrisåtgärd', responsibleOrganisationId: f.organisationId }),
    expect: space(201, ['facilitator']),
  },
  'POST /api/action-plans/:id/indicators': {
    path: (f) => `/api/action-plans/${f.actionPlanId}/indicators`,
    body: (f) => ({ goalId: f.actionPlanGoalId, indicator: { name: 'Matrisindikator' } }),
    expect: space(201, ['facilitator']),
  },
  'POST /api/action-plans/:id/follow-ups': {
    path: (f) => `/api/action-plans/${f.actionPlanId}/follow-ups`,
    body: () => ({ asOf: '2026-12-31' }),
    expect: space(201, ['facilitator']),
  },
  'GET /api/spaces/:id/measures': { path: (f) => `/api/spaces/${f.spaceId}/measures`, expect: spaceView },
  'GET /api/measures/:id': { path: (f) => `/api/measures/${f.measureId}`, expect: spaceView },
  'PATCH /api/measures/:id': {
    path: (f) => `/api/measures/${f.measureId}`,
    body: () => ({ status: 'ongoing' }),
    expect: space(200, ['facilitator']),
  },
  'POST /api/measures/:id/indicators': {
    path: (f) => `/api/measures/${f.measureId}/indicators`,
    body: () => ({ name: 'Matrisindikator' }),
    expect: space(201, ['facilitator']),
  },
  'POST /api/indicators/:id/values': {
    path: (f) => `/api/indicators/${f.indicatorId}/values`,
    body: () => ({ value: 3, measuredOn: '2026-06-30', source: 'Matris' }),
    expect: space(201, ['facilitator']),
  },
  // --- end action plans ---
  // people's data (gdpr)
  'GET /api/me/data': { path: () => '/api/me/data', expect: signedIn(200) },
  'GET /api/me/deletion': { path: () => '/api/me/deletion', expect: signedIn(200) },
  'POST /api/me/delete': { path: () => '/api/me/delete', body: () => ({ password: 'not-the-password' }), expect: signedIn(400) },
  'POST /api/consents/link': {
    path: () => '/api/consents/link',
    body: (f) => ({ token: consentToken(t.deps.config.sessionSecret, 'registration', f.registrationId) }),
    expect: all(200),
  },
  'POST /api/consents/link/withdraw': {
    path: () => '/api/consents/link/withdraw',
    body: (f) => ({ token: consentToken(t.deps.config.sessionSecret, 'registration', f.registrationId) }),
    expect: all(200),
  },
  'POST /api/consents/:kind/:id/withdraw': {
    path: (f) => `/api/consents/registration/${f.registrationId}/withdraw`,
    expect: personal(204),
  },
  'GET /api/privacy': { path: () => '/api/privacy', expect: all(200) },
  'GET /api/admin/privacy/register': { path: () => '/api/admin/privacy/register', expect: adminOnly(200) },
  // agreements (överenskommelser): drafted by leaders; a decision or a signature is a party's; an agreement in force is public.
  'GET /api/spaces/:id/agreements': { path: (f) => `/api/spaces/${f.spaceId}/agreements`, expect: spaceView },
  'POST /api/spaces/:id/agreements': {
    path: (f) => `/api/spaces/${f.spaceId}/agreements`,
    body: () => ({ title: 'Matrisöverenskommelse' }),
    expect: space(201, ['facilitator']),
  },
  'GET /api/agreements/:id': { path: (f) => `/api/agreements/${f.draftAgreementId}`, expect: spaceView },
  'PATCH /api/agreements/:id': {
    path: (f) => `/api/agreements/${f.draftAgreementId}`,
    body: () => ({ title: 'Ny rubrik' }),
    expect: space(200, ['facilitator']),
  },
  'POST /api/agreements/:id/parties': {
    path: (f) => `/api/agreements/${f.draftAgreementId}/parties`,
    body: (f) => ({ organisationId: f.otherOrganisationId, role: 'party' }),
    expect: space(201, ['facilitator']),
  },
  // Leaders record a party's decision (the organisation's representative too: see agreements.api.test.ts).
  'POST /api/agreements/:id/adoptions': {
    path: (f) => `/api/agreements/${f.adoptionAgreementId}/adoptions`,
    body: (f) => ({ organisationId: f.organisationId, decisionBody: 'Styrelsen', decidedOn: '2026-01-29', minuteReference: '§ 1' }),
    expect: space(201, ['facilitator']),
  },
  // A decision's protocol extract: uploaded by those who record the decision (leaders here), downloaded by anyone once the agreement is public.
  'POST /api/agreements/:id/adoptions/:adoptionId/extract': {
    path: (f) => `/api/agreements/${f.inForceAgreementId}/adoptions/${f.inForceAdoptionId}/extract`,
    body: () =>
      `--matris\r\nContent-Disposition: form-data; name="file"; filename="utdrag.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n%%EOF\n\r\n--matris--\r\n`,
    contentType: 'multipart/form-data; boundary=matris',
    expect: space(201, ['facilitator']),
  },
  'GET /api/agreements/:id/adoptions/:adoptionId/extract': {
    path: (f) => `/api/agreements/${f.inForceAgreementId}/adoptions/${f.inForceAdoptionId}/extract`,
    expect: all(200),
  },
  'POST /api/agreements/:id/signatories': {
    path: (f) => `/api/agreements/${f.draftAgreementId}/signatories`,
    body: (f) => ({ organisationId: f.organisationId, userId: f.targetUserId, title: 'Ordförande' }),
    expect: space(201, ['facilitator']),
  },
  // Only a named signatory signs: no role here is one.
  'POST /api/agreements/:id/signatures': {
    path: (f) => `/api/agreements/${f.adoptionAgreementId}/signatures`,
    body: (f) => ({ organisationId: f.organisationId }),
    expect: space(403, []),
  },
  'GET /api/agreements/:id/comments': {
    path: (f) => `/api/agreements/${f.remissAgreementId}/comments`,
    expect: { ...spaceView, anonymous: 401 },
  },
  'GET /api/agreements/:id/comments.csv': {
    path: (f) => `/api/agreements/${f.remissAgreementId}/comments.csv`,
    expect: { ...spaceView, anonymous: 401 },
  },
  // A party's contact or representative comments: no role here is one.
  'POST /api/agreements/:id/comments': {
    path: (f) => `/api/agreements/${f.remissAgreementId}/comments`,
    body: (f) => ({ organisationId: f.organisationId, section: 0, body: 'En synpunkt' }),
    expect: space(403, []),
  },
  'PATCH /api/agreement-comments/:id': {
    path: (f) => `/api/agreement-comments/${f.agreementCommentId}`,
    body: () => ({ answer: 'Ett svar' }),
    expect: space(200, ['facilitator']),
  },
  // An agreement in force is public: anyone signed in may apply to join; leaders decide.
  'GET /api/agreements/:id/accessions': { path: (f) => `/api/agreements/${f.inForceAgreementId}/accessions`, expect: signedIn(200) },
  'POST /api/agreements/:id/accessions': {
    path: (f) => `/api/agreements/${f.inForceAgreementId}/accessions`,
    body: (f) => ({ organisationId: f.otherOrganisationId, motivation: 'Vi vill ansluta oss.' }),
    expect: signedIn(201),
  },
  'PATCH /api/agreement-accessions/:id': {
    path: (f) => `/api/agreement-accessions/${f.accessionId}`,
    body: () => ({ decision: 'approved' }),
    expect: { anonymous: 401, outsider: 403, observer: 403, member: 403, facilitator: 200, space_admin: 200, platform_admin: 200 },
  },
  'GET /api/agreements/:id/public': { path: (f) => `/api/agreements/${f.inForceAgreementId}/public`, expect: all(200) },
  'GET /api/public/agreements': { path: (f) => `/api/public/agreements?space=${f.spaceId}`, expect: spaceView },
  'GET /api/agreements/:id/export.docx': { path: (f) => `/api/agreements/${f.draftAgreementId}/export.docx`, expect: spaceView },
  'GET /api/agreements/:id/export.pdf': { path: (f) => `/api/agreements/${f.draftAgreementId}/export.pdf`, expect: spaceView },
  // --- end agreements ---
  // --- Agenda 2030 down to the target and the knowledge library (issue 11 §1, §3) ---
  'GET /api/agenda2030/targets': { path: () => '/api/agenda2030/targets', expect: all(200) },
  'GET /api/spaces/:id/local-targets': { path: (f) => `/api/spaces/${f.spaceId}/local-targets`, expect: spaceView },
  'POST /api/spaces/:id/local-targets': {
    path: (f) => `/api/spaces/${f.spaceId}/local-targets`,
    body: () => ({ title: 'Matrismål', targets: ['11.a'] }),
    expect: space(201, ['facilitator']),
  },
  'GET /api/spaces/:id/agenda2030/coverage': { path: (f) => `/api/spaces/${f.spaceId}/agenda2030/coverage`, expect: spaceView },
  'GET /api/spaces/:id/agenda2030/coverage.csv': { path: (f) => `/api/spaces/${f.spaceId}/agenda2030/coverage.csv`, expect: spaceView },
  // Across spaces: everyone gets an answer, holding only what they may see (agenda2030.api.test.ts checks which).
  'GET /api/municipalities/:code/agenda2030/coverage': { path: () => '/api/municipalities/2422/agenda2030/coverage', expect: all(200) },
  'GET /api/municipalities/:code/agenda2030/coverage.csv': {
    path: () => '/api/municipalities/2422/agenda2030/coverage.csv',
    expect: all(200),
  },
  'GET /api/counties/:code/agenda2030/coverage': { path: () => '/api/counties/25/agenda2030/coverage', expect: all(200) },
  'GET /api/counties/:code/agenda2030/coverage.csv': { path: () => '/api/counties/25/agenda2030/coverage.csv', expect: all(200) },
  'GET /api/library': { path: (f) => `/api/library?spaceId=${f.spaceId}`, expect: all(200) },
  // Members who take part add and edit items; observers read them; the fixture item is members-only, so it does not exist for others.
  'POST /api/library': {
    path: () => '/api/library',
    body: (f) => ({ spaceId: f.spaceId, visibility: 'members', kind: 'method', title: 'Matrismetod' }),
    expect: space(201, ['member', 'facilitator']),
  },
  'GET /api/library/:id': { path: (f) => `/api/library/${f.libraryItemId}`, expect: spaceView },
  'PATCH /api/library/:id': {
    path: (f) => `/api/library/${f.libraryItemId}`,
    body: () => ({ summary: 'Ny sammanfattning' }),
    expect: { ...space(200, ['member', 'facilitator']), anonymous: 401 },
  },
  'GET /api/library/:id/versions/:version': { path: (f) => `/api/library/${f.libraryItemId}/versions/1`, expect: spaceView },
  'POST /api/library/:id/files': {
    path: (f) => `/api/library/${f.libraryItemId}/files`,
    body: () =>
      `--matris\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n%%EOF\n\r\n--matris--\r\n`,
    contentType: 'multipart/form-data; boundary=matris',
    expect: space(201, ['member', 'facilitator']),
  },
  'GET /api/library/:id/files/:fileId': { path: (f) => `/api/library/${f.libraryItemId}/files/${f.libraryFileId}`, expect: spaceView },
  'GET /api/events/:id/library': { path: (f) => `/api/events/${f.eventId}/library`, expect: spaceView },
  'POST /api/events/:id/library': {
    path: (f) => `/api/events/${f.eventId}/library`,
    body: (f) => ({ itemId: f.libraryItemId }),
    expect: space(201, ['facilitator']),
  },
  'GET /api/measures/:id/library': { path: (f) => `/api/measures/${f.measureId}/library`, expect: spaceView },
  'POST /api/measures/:id/library': {
    path: (f) => `/api/measures/${f.measureId}/library`,
    body: (f) => ({ itemId: f.libraryItemId }),
    expect: space(201, ['facilitator']),
  },
  'GET /api/initiatives/:id/library': { path: (f) => `/api/initiatives/${f.initiativeId}/library`, expect: spaceView },
  'POST /api/initiatives/:id/library': {
    path: (f) => `/api/initiatives/${f.initiativeId}/library`,
    body: (f) => ({ itemId: f.libraryItemId }),
    expect: space(201, ['facilitator']),
  },
  // --- end Agenda 2030 and the knowledge library ---
  'GET /api/admin/privacy/register.csv': { path: () => '/api/admin/privacy/register.csv', expect: adminOnly(200) },
  // guided processes, test-session feedback, dashboards and project goals (issue 12 §1–3)
  'GET /api/process-templates': { path: () => '/api/process-templates', expect: all(200) },
  'POST /api/process-templates': {
    path: () => '/api/process-templates',
    body: (f) => ({ spaceId: f.spaceId, name: 'Matrismall', phases: [{ title: 'Fas', steps: [{ title: 'Steg' }] }] }),
    expect: space(201, ['facilitator']),
  },
  'GET /api/process-templates/:id': { path: (f) => `/api/process-templates/${f.processTemplateId}`, expect: spaceView },
  'PUT /api/process-templates/:id': {
    path: (f) => `/api/process-templates/${f.processTemplateId}`,
    body: () => ({ name: 'Matrismall 2', phases: [{ title: 'Fas', steps: [{ title: 'Steg' }] }] }),
    expect: space(200, ['facilitator']),
  },
  'POST /api/process-templates/:id/copy': {
    path: () => `/api/process-templates/${TALKO_TEMPLATE_ID}/copy`,
    body: (f) => ({ spaceId: f.spaceId }),
    expect: space(201, ['facilitator']),
  },
  'GET /api/spaces/:id/processes': { path: (f) => `/api/spaces/${f.spaceId}/processes`, expect: spaceView },
  // The matrix space has no municipalities: leaders pass the policy and are told the municipality is not the space's.
  'POST /api/spaces/:id/processes': {
    path: (f) => `/api/spaces/${f.spaceId}/processes`,
    body: () => ({ templateId: TALKO_TEMPLATE_ID, municipalityCode: '2422' }),
    expect: space(400, ['facilitator']),
  },
  'GET /api/processes/:id': { path: (f) => `/api/processes/${f.processId}`, expect: spaceView },
  'POST /api/processes/:id/steps/:stepId/tick': {
    path: (f) => `/api/processes/${f.processId}/steps/evaluation/tick`,
    body: () => ({ done: true, note: 'Antagen' }),
    expect: space(200, ['facilitator']),
  },
  'PATCH /api/processes/:id/steps/:stepId': {
    path: (f) => `/api/processes/${f.processId}/steps/kick-off`,
    body: () => ({ responsible: 'Kommunen', dueDate: '2030-01-31' }),
    expect: space(200, ['facilitator']),
  },
  'POST /api/events/:id/feedback-forms': {
    path: (f) => `/api/events/${f.eventId}/feedback-forms`,
    body: () => ({ title: 'Matrisformulär', questions: [{ kind: 'scale', text: 'Hur var det?' }] }),
    expect: space(201, ['facilitator']),
  },
  'GET /api/spaces/:id/feedback-forms': { path: (f) => `/api/spaces/${f.spaceId}/feedback-forms`, expect: personal(200) },
  // By link or QR code, without an account: the form's id is the invitation.
  'GET /api/feedback-forms/:id': { path: (f) => `/api/feedback-forms/${f.feedbackFormId}`, expect: all(200) },
  'PUT /api/feedback-forms/:id': {
    path: (f) => `/api/feedback-forms/${f.feedbackFormId}`,
    body: () => ({ title: 'Matrisåterkoppling', questions: [{ id: 'q1', kind: 'scale', text: 'Hur var det egentligen?' }] }),
    expect: space(200, ['facilitator']),
  },
  'GET /api/feedback-forms/:id/qr.svg': { path: (f) => `/api/feedback-forms/${f.feedbackFormId}/qr.svg`, expect: all(200) },
  'POST /api/feedback-forms/:id/answers': {
    path: (f) => `/api/feedback-forms/${f.feedbackFormId}/answers`,
    body: (f) => ({ idempotencyKey: `matris-${f.unique}`, answers: { q1: 4 } }),
    expect: all(201),
  },
  'GET /api/feedback-forms/:id/results': { path: (f) => `/api/feedback-forms/${f.feedbackFormId}/results`, expect: personal(200) },
  'GET /api/spaces/:id/feedback-changes': { path: (f) => `/api/spaces/${f.spaceId}/feedback-changes`, expect: spaceView },
  'POST /api/spaces/:id/feedback-changes': {
    path: (f) => `/api/spaces/${f.spaceId}/feedback-changes`,
    body: () => ({ date: '2026-03-01', change: 'Kortare formulär', reason: 'Testtillfället' }),
    expect: space(201, ['facilitator']),
  },
  'PUT /api/spaces/:id/feedback-changes/:changeId': {
    path: (f) => `/api/spaces/${f.spaceId}/feedback-changes/${f.feedbackChangeId}`,
    body: () => ({ date: '2026-03-02', change: 'Ännu kortare formulär', reason: 'Testtillfället' }),
    expect: space(200, ['facilitator']),
  },
  'DELETE /api/spaces/:id/feedback-changes/:changeId': {
    path: (f) => `/api/spaces/${f.spaceId}/feedback-changes/${f.feedbackChangeId}`,
    expect: space(204, ['facilitator']),
  },
  'GET /api/spaces/:id/dashboard': { path: (f) => `/api/spaces/${f.spaceId}/dashboard`, expect: spaceView },
  'GET /api/municipalities/:code/dashboard': { path: () => '/api/municipalities/2422/dashboard', expect: all(200) },
  'GET /api/counties/:code/dashboard': { path: () => '/api/counties/24/dashboard', expect: all(200) },
  'GET /api/spaces/:id/comparison': { path: (f) => `/api/spaces/${f.spaceId}/comparison`, expect: spaceView },
  'GET /api/spaces/:id/goals': { path: (f) => `/api/spaces/${f.spaceId}/goals`, expect: spaceView },
  'POST /api/spaces/:id/goals': {
    path: (f) => `/api/spaces/${f.spaceId}/goals`,
    body: () => ({ title: 'Inspel', figureKey: 'inputs', target: 100 }),
    expect: space(201, ['facilitator']),
  },
  'PUT /api/spaces/:id/goals/:goalId': {
    path: (f) => `/api/spaces/${f.spaceId}/goals/${f.projectGoalId}`,
    body: () => ({ title: 'Fler inspel', figureKey: 'inputs', target: 200 }),
    expect: space(200, ['facilitator']),
  },
  'DELETE /api/spaces/:id/goals/:goalId': {
    path: (f) => `/api/spaces/${f.spaceId}/goals/${f.projectGoalId}`,
    expect: space(204, ['facilitator']),
  },
  'PUT /api/spaces/:id/facts': {
    path: (f) => `/api/spaces/${f.spaceId}/facts`,
    body: () => ({ periodStart: '2024-01-01', periodEnd: '2026-12-31', budget: 1000, coFinanciers: [], steeringGroup: [] }),
    expect: space(200, ['facilitator']),
  },
  'POST /api/spaces/:id/spin-offs': {
    path: (f) => `/api/spaces/${f.spaceId}/spin-offs`,
    body: () => ({ date: '2026-03-01', text: 'En följdeffekt', source: 'Matris' }),
    expect: space(201, ['facilitator']),
  },
  'PUT /api/spaces/:id/spin-offs/:spinOffId': {
    path: (f) => `/api/spaces/${f.spaceId}/spin-offs/${f.spinOffId}`,
    body: () => ({ date: '2026-03-02', text: 'En rättad följdeffekt', source: 'Matris' }),
    expect: space(200, ['facilitator']),
  },
  'DELETE /api/spaces/:id/spin-offs/:spinOffId': {
    path: (f) => `/api/spaces/${f.spaceId}/spin-offs/${f.spinOffId}`,
    expect: space(204, ['facilitator']),
  },
  // --- end guided processes, feedback, dashboards ---
  // joining (issue 13 §2): this app runs with SIGNUP unset (invitation only), so self-registration is refused for all;
  // a made-up confirmation token is no link (signup.api.test.ts covers open and domains).
  'POST /api/auth/sign-up': {
    path: () => '/api/auth/sign-up',
    body: (f) => ({ email: `join-${f.unique}@example.org`, name: 'Ny', password: 'a-long-fresh-password' }),
    expect: all(403),
  },
  'POST /api/auth/sign-up/confirm': { path: () => '/api/auth/sign-up/confirm', body: () => ({ token: 'x'.repeat(43) }), expect: all(400) },
  // --- end joining ---
  // collaboration models (issue 11 §4): models are public knowledge; applying and a use's notes are the space's leaders'.
  'GET /api/models': { path: () => '/api/models', expect: all(200) },
  'POST /api/models': { path: () => '/api/models', body: (f) => matrixModel(f.unique), expect: signedIn(201) },
  'GET /api/models/:id': { path: (f) => `/api/models/${f.modelId}`, expect: all(200) },
  'PUT /api/models/:id': {
    path: (f) => `/api/models/${f.modelId}`,
    body: (f) => matrixModel(f.unique),
    expect: { ...signedIn(403), platform_admin: 200 },
  },
  'POST /api/models/:id/apply': {
    path: (f) => `/api/models/${f.modelId}/apply`,
    body: (f) => ({ spaceId: f.modelSpaceId, municipalityCode: '2421' }),
    expect: space(200, ['facilitator']),
  },
  'GET /api/models/:id/uses': { path: (f) => `/api/models/${f.modelId}/uses`, expect: all(200) },
  'GET /api/models/:id/export.json': { path: (f) => `/api/models/${f.modelId}/export.json`, expect: all(200) },
  'POST /api/models/import': {
    path: () => '/api/models/import',
    body: (f) => ({ format: 'samhandling-model', formatVersion: 1, version: 3, model: matrixModel(f.unique) }),
    expect: signedIn(201),
  },
  'GET /api/spaces/:id/model-uses': { path: (f) => `/api/spaces/${f.modelSpaceId}/model-uses`, expect: spaceView },
  'PATCH /api/model-uses/:id': {
    path: (f) => `/api/model-uses/${f.modelUseId}`,
    body: () => ({ outcome: 'Det blev bra.' }),
    expect: space(200, ['facilitator']),
  },
  // news and notifications (issue 12 §4–5): a members-only post of the members-only space, the target member's follow.
  'GET /api/spaces/:id/posts': { path: (f) => `/api/spaces/${f.spaceId}/posts`, expect: spaceView },
  'POST /api/spaces/:id/posts': {
    path: (f) => `/api/spaces/${f.spaceId}/posts`,
    body: () => ({ title: 'Matrisnytt', body: 'Text' }),
    expect: space(201, ['facilitator']),
  },
  'GET /api/news': { path: () => '/api/news', expect: all(200) },
  'GET /api/posts/:id': { path: (f) => `/api/posts/${f.postId}`, expect: spaceView },
  'PATCH /api/posts/:id': { path: (f) => `/api/posts/${f.postId}`, body: () => ({ pinned: true }), expect: space(200, ['facilitator']) },
  'DELETE /api/posts/:id': { path: (f) => `/api/posts/${f.postId}`, expect: space(204, ['facilitator']) },
  'POST /api/posts/:id/email': { path: (f) => `/api/posts/${f.postId}/email`, expect: space(200, ['facilitator']) },
  // The feed is for readers without an account: a members-only space has none.
  'POST /api/posts/:id/images': {
    path: (f) => `/api/posts/${f.postId}/images`,
    body: () =>
      `--${MATRIX_BOUNDARY}\r\nContent-Disposition: form-data; name="alt"\r\n\r\nMatris\r\n${MATRIX_MULTIPART('bild.png', 'inte en bild')}`,
    contentType: `multipart/form-data; boundary=${MATRIX_BOUNDARY}`,
    // Leaders pass the policy and are told the file is no image.
    expect: space(415, ['facilitator']),
  },
  'GET /api/posts/:id/images/:imageId': { path: (f) => `/api/posts/${f.postId}/images/${f.postImageId}`, expect: spaceView },
  'DELETE /api/posts/:id/images/:imageId': {
    path: (f) => `/api/posts/${f.postId}/images/${f.postImageId}`,
    expect: space(204, ['facilitator']),
  },
  'GET /api/spaces/:id/feed.atom': { path: (f) => `/api/spaces/${f.spaceId}/feed.atom`, expect: all(404) },
  'POST /api/follows': {
    path: () => '/api/follows',
    body: (f) => ({ kind: 'space', id: f.spaceId }),
    expect: { ...spaceView, anonymous: 404, observer: 201, member: 201, facilitator: 201, space_admin: 201, platform_admin: 201 },
  },
  'POST /api/follows/confirm': { path: () => '/api/follows/confirm', body: () => ({ token: `${randomUUID()}.forged` }), expect: all(400) },
  'GET /api/me/follows': { path: () => '/api/me/follows', expect: signedIn(200) },
  // A follow is its follower's own: nobody else (not even an admin) sees or ends it.
  'DELETE /api/follows/:id': { path: (f) => `/api/follows/${f.followId}`, expect: signedIn(404) },
  'POST /api/unsubscribe': {
    path: () => '/api/unsubscribe',
    body: (f) => ({ token: unsubscribeToken(t.deps.config.sessionSecret, { s: 'kind', user: f.targetUserId, kind: 'news' }) }),
    expect: all(200),
  },
  // --- end news and notifications ---
};

// organisation stewardship (issue 14 §1.1): the target member's claim to represent the organisation, and a suggestion of theirs.
interface Fixture {
  organisationSuggestionId: string;
}
async function stewardshipFixture(db: TestApp['deps']['db'], organisationId: string, now: Date) {
  await db
    .insertInto('organisation_representatives')
    .values({ organisation_id: organisationId, user_id: target.id, role: 'Ordförande', requested_at: now })
    .execute();
  const { id: organisationSuggestionId } = await db
    .insertInto('organisation_suggestions')
    .values({
      organisation_id: organisationId,
      proposed_by: target.id,
      proposed_at: now,
      changes: JSON.stringify({ description: 'Ny beskrivning' }),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { organisationSuggestionId };
}

// news and notifications (issue 12 §4–5): a members-only post in the space and the target member's follow of it.
interface Fixture {
  postId: string;
  postImageId: string;
  followId: string;
}
async function newsFixture(db: TestApp['deps']['db'], spaceId: string, now: Date) {
  const { id: postId } = await db
    .insertInto('news_posts')
    .values({
      space_id: spaceId,
      title: 'Matrisnytt',
      body: 'Bara för medlemmar.',
      visibility: 'members',
      author_id: null,
      published_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const storedName = `${randomBytes(8).toString('hex')}.png`;
  const imagesDir = path.join(t.deps.config.dataDir, 'uploads', 'news');
  await mkdir(imagesDir, { recursive: true });
  await writeFile(path.join(imagesDir, storedName), Buffer.from('89504e470d0a1a0a', 'hex'));
  const { id: postImageId } = await db
    .insertInto('news_post_images')
    .values({
      post_id: postId,
      position: 0,
      alt: 'Matrisbild',
      stored_name: storedName,
      content_type: 'image/png',
      width: 1,
      height: 1,
      size: 8,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { id: followId } = await db
    .insertInto('follows')
    .values({ target_kind: 'space', target_id: spaceId, user_id: target.id, email: null, confirmed_at: now, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { postId, postImageId, followId };
}

// service points (helper A): merged into Fixture.
interface Fixture {
  servicePointId: string;
  servicePointSuggestionId: string;
}
async function servicePointFixture(db: TestApp['deps']['db'], spaceId: string, unique: string, now: Date) {
  const { id: servicePointId } = await db
    .insertInto('service_points')
    .values({
      space_id: spaceId,
      external_id: `m-${unique}`,
      name: `Matrisbutik ${unique}`,
      lon: 13.14,
      lat: 61.69,
      kinds: ['groceries_full'],
      created_by: null,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { id: servicePointSuggestionId } = await db
    .insertInto('service_point_suggestions')
    .values({ point_id: servicePointId, proposed_by: target.id, proposed_at: now, changes: JSON.stringify({ name: 'Nytt namn' }) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { servicePointId, servicePointSuggestionId };
}

// collaboration models (issue 11 §4): a model by someone else, used in a space of the same members for Storuman.
interface Fixture {
  modelId: string;
  modelUseId: string;
  modelSpaceId: string;
}
function matrixModel(unique: string) {
  return {
    title: `Matrismodell ${unique}`,
    summary: '',
    purpose: '',
    whenItFits: '',
    steps: [],
    roles: [],
    cost: '',
    lessonsLearned: '',
    material: [],
    goals: [17],
    targets: [],
    originMunicipalityCode: '2422',
    template: {
      templateVersion: 1,
      workingGroups: [
        {
          key: 'grupp',
          name: 'Matrisgrupp',
          kind: 'local',
          description: '',
          targets: { public: 4, private: 4, civil_society: 4, academia: 0, youth: 1 },
        },
      ],
      eventSeries: [],
      boardPromptSets: [],
      servicePlan: null,
      survey: null,
      actionPlanGoals: [],
    },
  };
}
async function modelFixture(db: TestApp['deps']['db'], unique: string, now: Date) {
  // A space of its own, for Storuman, so that the matrix space keeps having no municipalities.
  const { id: spaceId } = await db
    .insertInto('spaces')
    .values({
      name: `Matrismodell ${unique}`,
      description: '',
      kind: 'project',
      visibility: 'members',
      created_by: null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('memberships')
    .values(
      (['observer', 'member', 'facilitator', 'space_admin'] as const).map((r) => ({
        space_id: spaceId,
        user_id: users[r].id,
        role: r,
        created_at: now,
      })),
    )
    .execute();
  await db.insertInto('space_municipalities').values({ space_id: spaceId, municipality_code: '2421' }).execute();
  const content = JSON.stringify(matrixModel(unique));
  const { id: modelId } = await db
    .insertInto('models')
    .values({
      title: `Matrismodell ${unique}`,
      version: 1,
      content,
      origin_municipality_code: '2422',
      created_by: target.id,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('model_versions')
    .values({ model_id: modelId, version: 1, content, created_by: target.id, created_at: now })
    .execute();
  const { id: modelUseId } = await db
    .insertInto('model_uses')
    .values({
      model_id: modelId,
      version: 1,
      space_id: spaceId,
      municipality_code: '2421',
      applied_by: null,
      applied_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { modelId, modelUseId, modelSpaceId: spaceId };
}

// services: analyses (helper B): a finished analysis of one origin and one point, and a saved scenario.
interface Fixture {
  populationId: string;
  analysisId: string;
  scenarioId: string;
}
async function analysisFixture(db: TestApp['deps']['db'], spaceId: string, servicePointId: string, now: Date) {
  const { id: populationId } = await db
    .insertInto('population_sets')
    .values({
      space_id: spaceId,
      kind: 'origins',
      name: 'Matris',
      year: null,
      file_name: null,
      origin_count: 1,
      population: 12,
      created_by: null,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('population_origins')
    .values({
      set_id: populationId,
      seq: 0,
      origin_id: 'by-1',
      name: 'By',
      lon: 13.15,
      lat: 61.7,
      population: 12,
      municipality_code: null,
      men: null,
      women: null,
      under_20: null,
      age_65_plus: null,
    })
    .execute();
  const { id: jobId } = await db
    .insertInto('jobs')
    .values({ kind: 'matrix.done', payload: '{}', status: 'done', stage: null, result: '{}', error: null, locked_by: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  // One origin, one shop on a straight line: 100.0 s, 1000 m, no second shop.
  const results = encodeResults({
    originIds: ['by-1'],
    pointIds: ['m-1'],
    types: ['groceries'],
    snapDm: Uint32Array.of(0),
    byType: {
      groceries: {
        nearest: Int32Array.of(0),
        ds: Uint32Array.of(1000),
        meters: Uint32Array.of(1000),
        second: Int32Array.of(-1),
        ds2: Uint32Array.of(NONE),
        meters2: Uint32Array.of(NONE),
        status: Uint8Array.of(3),
      },
    },
  });
  const { id: analysisId } = await db
    .insertInto('analyses')
    .values({
      space_id: spaceId,
      job_id: jobId,
      name: 'Matrisanalys',
      points_as_of: now,
      points: JSON.stringify([{ id: 'm-1', type: 'groceries', lon: 13.14, lat: 61.69, pointId: servicePointId }]),
      population_set_id: populationId,
      network_id: null,
      mode: 'straight_line',
      types: ['groceries'],
      profile: '{}',
      thresholds_min: [5, 10, 30],
      vulnerable_min: 10,
      summary: JSON.stringify({
        mode: 'straight_line',
        population: 12,
        origins: 1,
        points: { groceries: 1 },
        pointsWithoutRoad: [],
        types: {},
        byMunicipality: {},
        network: null,
        timingsMs: {},
      }), // StoredSummary
      results: Buffer.from(results),
      created_by: null,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { id: scenarioId } = await db
    .insertInto('scenarios')
    .values({
      analysis_id: analysisId,
      space_id: spaceId,
      name: 'Matrisscenario',
      input: JSON.stringify({ close: ['m-1'], open: [], move: [] }),
      summary: JSON.stringify({ before: {}, after: {}, change: {}, changedOrigins: 1, ms: 1 }),
      changed_count: 1,
      created_by: null,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { populationId, analysisId, scenarioId };
}

// alliances, joint initiatives, calls for volunteers (issue 11 §2): a members-only alliance with the fixture's
// organisation as a member leading an initiative, the other organisation its partner, and a call with one sign-up.
interface Fixture {
  allianceId: string;
  initiativeId: string;
  volunteerCallId: string;
  volunteerSignupId: string;
  volunteerConfirmToken: string;
  volunteerCancelToken: string;
  initiativeDocumentId: string;
}
async function alliancesFixture(
  db: TestApp['deps']['db'],
  spaceId: string,
  organisationId: string,
  otherOrganisationId: string,
  unique: string,
  now: Date,
) {
  const { id: allianceId } = await db
    .insertInto('alliances')
    .values({ space_id: spaceId, name: `Matrisallians ${unique}`, created_by: null, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('alliance_members')
    .values({
      alliance_id: allianceId,
      organisation_id: organisationId,
      status: 'member',
      contact_person_id: null,
      created_at: now,
      joined_at: now,
    })
    .execute();
  const { id: initiativeId } = await db
    .insertInto('initiatives')
    .values({
      alliance_id: allianceId,
      space_id: spaceId,
      title: 'Matrisinitiativ',
      lead_organisation_id: organisationId,
      municipality_code: '2422',
      lon: null,
      lat: null,
      start_date: null,
      end_date: null,
      indicators: '[]',
      created_by: null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('initiative_partners')
    .values({ initiative_id: initiativeId, organisation_id: otherOrganisationId, status: 'accepted', created_at: now, accepted_at: now })
    .execute();
  const { id: volunteerCallId } = await db
    .insertInto('volunteer_calls')
    .values({
      initiative_id: initiativeId,
      title: 'Matrisupprop',
      starts_at: new Date(now.getTime() + 10 * 86_400_000),
      ends_at: new Date(now.getTime() + 10 * 86_400_000 + 3_600_000),
      municipality_code: null,
      wanted: 10,
      created_by: null,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const volunteerConfirmToken = randomBytes(32).toString('base64url');
  const volunteerCancelToken = randomBytes(32).toString('base64url');
  const { id: volunteerSignupId } = await db
    .insertInto('volunteer_signups')
    .values({
      call_id: volunteerCallId,
      name: 'Anmäld volontär',
      email: `anmald-volontar-${unique}@example.org`,
      phone: null,
      confirm_token_hash: hashToken(t.deps.config.sessionSecret, volunteerConfirmToken),
      cancel_token_hash: hashToken(t.deps.config.sessionSecret, volunteerCancelToken),
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const storedName = `initiative-${unique}.pdf`;
  const documentsDir = path.join(t.deps.config.dataDir, 'uploads', 'initiatives');
  await mkdir(documentsDir, { recursive: true });
  await writeFile(path.join(documentsDir, storedName), '%PDF-1.4\n%%EOF\n');
  const { id: initiativeDocumentId } = await db
    .insertInto('initiative_documents')
    .values({
      initiative_id: initiativeId,
      title: 'Rapport',
      original_name: 'rapport.pdf',
      stored_name: storedName,
      content_type: 'application/pdf',
      size: 15,
      sha256: '',
      uploaded_by: null,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    allianceId,
    initiativeId,
    volunteerCallId,
    volunteerSignupId,
    volunteerConfirmToken,
    volunteerCancelToken,
    initiativeDocumentId,
  };
}

// agreements (överenskommelser): a draft, one on remiss with a comment, one out for adoption and one in force with a pending accession.
interface Fixture {
  draftAgreementId: string;
  remissAgreementId: string;
  adoptionAgreementId: string;
  inForceAgreementId: string;
  /** The in-force agreement's party's adoption, with a protocol extract on file. */
  inForceAdoptionId: string;
  agreementCommentId: string;
  accessionId: string;
}
async function agreementFixture(db: TestApp['deps']['db'], spaceId: string, organisationId: string, now: Date) {
  const sections = [{ heading: 'Syfte', text: 'Samverkan.' }];
  const agreement = async (status: 'draft' | 'remiss' | 'adoption' | 'in_force') => {
    const { id } = await db
      .insertInto('agreements')
      .values({
        space_id: spaceId,
        title: `Matris ${status}`,
        status,
        current_version: 1,
        in_force_version: status === 'in_force' ? 1 : null,
        in_force_since: status === 'in_force' ? now : null,
        created_by: null,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('agreement_versions')
      .values({ agreement_id: id, number: 1, sections: JSON.stringify(sections), sha256: 'matris', created_by: null })
      .execute();
    await db
      .insertInto('agreement_parties')
      .values({ agreement_id: id, organisation_id: organisationId, contact_person_id: null, role: 'party' })
      .execute();
    return id;
  };
  const [draftAgreementId, remissAgreementId, adoptionAgreementId, inForceAgreementId] = [
    await agreement('draft'),
    await agreement('remiss'),
    await agreement('adoption'),
    await agreement('in_force'),
  ];
  const { id: agreementCommentId } = await db
    .insertInto('agreement_comments')
    .values({
      agreement_id: remissAgreementId,
      version: 1,
      section: 0,
      organisation_id: organisationId,
      author_id: target.id,
      author_name: 'Matris',
      body: 'Synpunkt',
      answer: null,
      answered_by: null,
      answered_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const applicant = await db
    .insertInto('organisations')
    .values({
      name: `Ansökande förening ${randomBytes(4).toString('hex')}`,
      sector: 'civil_society',
      type: 'association',
      level: 'local',
      municipality_code: '2422',
      created_by: null,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { id: accessionId } = await db
    .insertInto('agreement_accessions')
    .values({
      agreement_id: inForceAgreementId,
      organisation_id: applicant.id,
      applicant_id: target.id,
      applicant_name: 'Matris',
      motivation: 'Vi vill ansluta oss.',
      reason: null,
      decided_by: null,
      decided_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { id: inForceAdoptionId } = await db
    .insertInto('agreement_adoptions')
    .values({
      agreement_id: inForceAgreementId,
      organisation_id: organisationId,
      version: 1,
      decision: 'adopted',
      decision_body: 'Styrelsen',
      decided_on: '2026-01-29',
      minute_reference: '§ 1',
      reason: null,
      recorded_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const extractsDir = path.join(t.deps.config.dataDir, 'uploads', 'agreements');
  const storedName = `extract-${randomBytes(8).toString('hex')}.pdf`;
  await mkdir(extractsDir, { recursive: true });
  await writeFile(path.join(extractsDir, storedName), '%PDF-1.4\n%%EOF\n');
  await db
    .insertInto('agreement_adoption_extracts')
    .values({
      adoption_id: inForceAdoptionId,
      original_name: 'utdrag.pdf',
      stored_name: storedName,
      content_type: 'application/pdf',
      size: 15,
      sha256: '',
      uploaded_by: null,
    })
    .execute();
  return {
    draftAgreementId,
    remissAgreementId,
    adoptionAgreementId,
    inForceAgreementId,
    inForceAdoptionId,
    agreementCommentId,
    accessionId,
  };
}

// Agenda 2030 and the knowledge library (issue 11 §1, §3): a members-only item of the space with one file.
interface Fixture {
  libraryItemId: string;
  libraryFileId: string;
}
async function libraryFixture(db: TestApp['deps']['db'], dataDir: string, spaceId: string, unique: string, now: Date) {
  const { id: libraryItemId } = await db
    .insertInto('library_items')
    .values({
      space_id: spaceId,
      visibility: 'members',
      kind: 'method',
      title: `Matrismetod ${unique}`,
      links: '[]',
      created_by: null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('library_item_versions')
    .values({ item_id: libraryItemId, version: 1, content: '{}', saved_by: null, saved_at: now })
    .execute();
  const storedName = `${unique}.pdf`;
  await mkdir(path.join(dataDir, 'uploads', 'library'), { recursive: true });
  await writeFile(path.join(dataDir, 'uploads', 'library', storedName), '%PDF-1.4\n%%EOF\n');
  const { id: libraryFileId } = await db
    .insertInto('library_files')
    .values({
      item_id: libraryItemId,
      title: 'Matrisfil',
      original_name: 'matris.pdf',
      stored_name: storedName,
      content_type: 'application/pdf',
      size: 15,
      sha256: '',
      uploaded_by: null,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { libraryItemId, libraryFileId };
}

// guided processes and test-session feedback (issue 12): a TALKO process in Sorsele and a feedback form on the fixture's event.
interface Fixture {
  processId: string;
  feedbackFormId: string;
  processTemplateId: string;
  feedbackChangeId: string;
  projectGoalId: string;
  spinOffId: string;
}
async function processFixture(db: TestApp['deps']['db'], spaceId: string, eventId: string) {
  const { id: processId } = await db
    .insertInto('processes')
    .values({
      space_id: spaceId,
      template_id: TALKO_TEMPLATE_ID,
      name: 'Matrisprocess',
      municipality_code: '2422',
      locality_id: null,
      starts_on: '2026-01-01',
      phases: JSON.stringify(TALKO_TEMPLATE.phases),
      created_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const questions = [{ id: 'q1', kind: 'scale', text: 'Hur var det?', required: true, scaleLabels: ['Dåligt', 'Bra'], options: [] }];
  const { id: feedbackFormId } = await db
    .insertInto('feedback_forms')
    .values({
      space_id: spaceId,
      series_id: randomUUID(),
      event_id: eventId,
      process_id: processId,
      step_id: 'test-session',
      title: 'Matrisåterkoppling',
      questions: JSON.stringify(questions),
      created_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { id: processTemplateId } = await db
    .insertInto('process_templates')
    .values({ space_id: spaceId, name: 'Matrismall', phases: JSON.stringify(TALKO_TEMPLATE.phases), created_by: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { id: feedbackChangeId } = await db
    .insertInto('feedback_changes')
    .values({
      space_id: spaceId,
      form_id: feedbackFormId,
      date: '2026-03-01',
      change: 'Kortare formulär',
      reason: 'Testtillfället',
      created_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { id: projectGoalId } = await db
    .insertInto('project_goals')
    .values({ space_id: spaceId, title: 'Inspel', figure_key: 'inputs', target: 100 })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { id: spinOffId } = await db
    .insertInto('spin_off_effects')
    .values({ space_id: spaceId, date: '2026-03-01', text: 'En följdeffekt', created_by: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { processId, feedbackFormId, processTemplateId, feedbackChangeId, projectGoalId, spinOffId };
}

// action plans, measures and indicators (issue 10 §2–3, branch plans): a plan with a goal, a measure and an indicator.
interface Fixture {
  actionPlanId: string;
  actionPlanGoalId: string;
  measureId: string;
  indicatorId: string;
}
async function actionPlanFixture(db: TestApp['deps']['db'], spaceId: string, now: Date) {
  const { id: actionPlanId } = await db
    .insertInto('action_plans')
    .values({
      space_id: spaceId,
      agreement_id: null,
      title: 'Matrisplan',
      period_start: null,
      period_end: null,
      links: '[]',
      created_by: null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { id: actionPlanGoalId } = await db
    .insertInto('action_plan_goals')
    .values({ plan_id: actionPlanId, position: 0, title: 'Matrismål' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { id: measureId } = await db
    .insertInto('measures')
    .values({
      space_id: spaceId,
      action_plan_id: actionPlanId,
      goal_id: actionPlanGoalId,
      title: 'Matrisåtgärd',
      responsible_organisation_id: null,
      participants: '[]',
      municipality_code: null,
      locality_id: null,
      start_date: null,
      end_date: null,
      milestones: '[]',
      budget_sek: null,
      funding: '[]',
      links: '[]',
      created_by: null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { id: indicatorId } = await db
    .insertInto('indicators')
    .values({
      space_id: spaceId,
      goal_id: null,
      measure_id: measureId,
      name: 'Matrisindikator',
      baseline_value: null,
      baseline_date: null,
      target_value: 10,
      target_date: null,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { actionPlanId, actionPlanGoalId, measureId, indicatorId };
}

// One test file's app and accounts at a time (files in one worker run one after another; each part's
// beforeAll sets them anew). The cases above read `t` for the server's secret.
let t: TestApp;
const users = {} as Record<Exclude<Role, 'anonymous'>, { id: string; email: string }>;
let target: { id: string; email: string };

async function setUp() {
  shared.clear();
  t = await createTestApp({ config: { dataDir: await mkdtemp(path.join(tmpdir(), 'samhandling-matrix-')) } });
  for (const role of ROLES) {
    if (role === 'anonymous') continue;
    const created = await t.user({ isAdmin: role === 'platform_admin', name: `Matris ${role}` });
    users[role] = { id: created.id, email: created.email };
  }
  const created = await t.user({ name: 'Matris mål' });
  target = { id: created.id, email: created.email };
}

/**
 * Each cell from its own client address, so the per-address limits (sign-in, e-mailed links) of one
 * cell leave the others alone; and with a fresh session, so sign-out or a password change in one
 * cell leaves the others alone.
 */
async function cellClient(role: Role): Promise<Client> {
  const client = t.client({ ip: `10.77.${randomBytes(1)[0]}.${randomBytes(1)[0]}` });
  if (role !== 'anonymous') {
    const session = await startSession(t.deps, { requestId: 'matrix', userAgent: undefined }, users[role].id, 'password');
    client.cookie = `samhandling_session=${session.token}`;
  }
  return client;
}

/**
 * The rows beyond the space and its members, in parts: a cell that changes something builds only the
 * parts whose ids its request names (and those a case `needs`), the shared fixtures build them all.
 */
const FIXTURE_PARTS = ['stewardship', 'news', 'alliances', 'agreement', 'servicePoint', 'process', 'model', 'actionPlan', 'analysis', 'library'] as const;
type FixturePart = (typeof FIXTURE_PARTS)[number];
const ALL_PARTS: ReadonlySet<FixturePart> = new Set(FIXTURE_PARTS);
/** Which part made each fixture key (learnt from the first fixture built whole). */
const partOfKey = new Map<string, FixturePart>();

async function fixtureParts(
  parts: ReadonlySet<FixturePart>,
  base: { spaceId: string; organisationId: string; otherOrganisationId: string; eventId: string; unique: string; now: Date },
) {
  const db = t.deps.db;
  const { spaceId, organisationId, otherOrganisationId, eventId, unique, now } = base;
  const build: Record<FixturePart, () => Promise<object>> = {
    stewardship: () => stewardshipFixture(db, organisationId, now),
    news: () => newsFixture(db, spaceId, now),
    // alliances, joint initiatives, calls for volunteers (issue 11 §2)
    alliances: () => alliancesFixture(db, spaceId, organisationId, otherOrganisationId, unique, now),
    // agreements (överenskommelser)
    agreement: () => agreementFixture(db, spaceId, organisationId, now),
    // service points (helper A)
    servicePoint: () => servicePointFixture(db, spaceId, unique, now),
    process: () => processFixture(db, spaceId, eventId),
    // collaboration models (issue 11 §4)
    model: () => modelFixture(db, unique, now),
    // action plans (branch plans)
    actionPlan: () => actionPlanFixture(db, spaceId, now),
    analysis: async () =>
      analysisFixture(db, spaceId, (await db.selectFrom('service_points').select('id').where('space_id', '=', spaceId).executeTakeFirstOrThrow()).id, now),
    // Agenda 2030 and the knowledge library
    library: () => libraryFixture(db, t.deps.config.dataDir, spaceId, unique, now),
  };
  // An analysis is of the space's service points.
  const wanted = parts.has('analysis') ? new Set([...parts, 'servicePoint' as const]) : parts;
  const made: Record<string, unknown> = {};
  for (const part of FIXTURE_PARTS) {
    if (!wanted.has(part)) continue;
    const rows = await build[part]();
    for (const key of Object.keys(rows)) partOfKey.set(key, part);
    Object.assign(made, rows);
  }
  // Only the parts asked for: a cell reads no key of a part it did not ask for (partsFor).
  return made as Partial<Fixture>;
}

/** The parts a changing cell needs: those that made the ids its path and body read, and what the case names. */
function partsFor(spec: Case, whole: Fixture): ReadonlySet<FixturePart> {
  const parts = new Set<FixturePart>(spec.needs ?? []);
  const reading = new Proxy(whole, {
    get(target, key, receiver) {
      const part = typeof key === 'string' ? partOfKey.get(key) : undefined;
      if (part) parts.add(part);
      return Reflect.get(target, key, receiver);
    },
  });
  spec.path(reading);
  spec.body?.(reading);
  return parts;
}

/** A members-only space with one member per role, a target member, an invitation and a locality. */
async function fixture(role: Role, parts: ReadonlySet<FixturePart> = ALL_PARTS): Promise<{ fixture: Fixture; client: Client }> {
  const db = t.deps.db;
  const now = t.clock.now();
  const unique = randomBytes(4).toString('hex');
  const { id: spaceId } = await db
    .insertInto('spaces')
    .values({
      name: `Matris ${unique}`,
      description: '',
      kind: 'project',
      visibility: 'members',
      created_by: null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const memberships = (['observer', 'member', 'facilitator', 'space_admin'] as const).map((r) => ({
    space_id: spaceId,
    user_id: users[r].id,
    role: r,
    created_at: now,
  }));
  await db
    .insertInto('memberships')
    .values([...memberships, { space_id: spaceId, user_id: target.id, role: 'member', created_at: now }])
    .execute();
  const invitationToken = randomBytes(32).toString('base64url');
  const { id: invitationId } = await db
    .insertInto('invitations')
    .values({
      space_id: spaceId,
      email: `accept-${unique}@example.org`,
      role: 'member',
      token_hash: hashToken(t.deps.config.sessionSecret, invitationToken),
      invited_by: users.space_admin.id,
      created_at: now,
      expires_at: new Date(now.getTime() + 86_400_000),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // A person in this space only, who shows their profile to members of the spaces they share.
  const { id: profileUserId } = await db
    .insertInto('users')
    .values({ email: `profile-${unique}@example.org`, name: 'Profilperson', password_hash: null, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('memberships').values({ space_id: spaceId, user_id: profileUserId, role: 'member', created_at: now }).execute();
  await db
    .insertInto('profiles')
    .values({
      user_id: profileUserId,
      organisation: 'Matrisbyalaget',
      sector: 'civil_society',
      municipality_code: null,
      presentation: '',
      visibility: 'members',
      updated_at: now,
    })
    .execute();
  const { id: joinRequestId } = await db
    .insertInto('join_requests')
    .values({ space_id: spaceId, user_id: users.outsider.id, message: '', status: 'pending', created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { id: localityId } = await db
    .insertInto('localities')
    .values({ name: `Matrisby ${unique}`, municipality_code: '2422', lon: 17, lat: 65, population: null, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  const organisation = (name: string) =>
    db
      .insertInto('organisations')
      .values({
        name,
        sector: 'civil_society',
        type: 'association',
        level: 'local',
        municipality_code: '2422',
        created_by: null,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  const { id: organisationId } = await organisation(`Matrisorg ${unique}`);
  const { id: otherOrganisationId } = await organisation(`Annan org ${unique}`);
  await db.insertInto('space_organisations').values({ space_id: spaceId, organisation_id: organisationId, added_at: now }).execute();
  await db.insertInto('space_organisations').values({ space_id: spaceId, organisation_id: otherOrganisationId, added_at: now }).execute();
  const [orgA, orgB] = organisationId < otherOrganisationId ? [organisationId, otherOrganisationId] : [otherOrganisationId, organisationId];
  const { id: collaborationId } = await db
    .insertInto('collaborations')
    .values({
      org_a: orgA,
      org_b: orgB,
      type: 'partnership',
      source: 'manual',
      created_by: null,
      survey_id: null,
      level: null,
      start_date: null,
      end_date: null,
      frequency: null,
      space_id: spaceId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { id: personId } = await db
    .insertInto('people')
    .values({ name: 'Fiktiv', email: null, phone: null, municipality_code: null, age_group: null, created_by: null, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('space_people').values({ space_id: spaceId, person_id: personId }).execute();
  const { id: snapshotId } = await db
    .insertInto('network_snapshots')
    .values({
      space_id: spaceId,
      name: 'Start',
      at: '2026-01-01',
      taken_at: now,
      network: JSON.stringify({ nodes: [], edges: [] }),
      created_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { id: surveyId } = await db
    .insertInto('surveys')
    .values({ space_id: spaceId, title: 'Enkät', created_by: null, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  const surveyToken = randomBytes(32).toString('base64url');
  await db
    .insertInto('survey_recipients')
    .values({
      survey_id: surveyId,
      organisation_id: organisationId,
      email: 'kontakt@example.org',
      token_hash: hashToken(t.deps.config.sessionSecret, surveyToken),
      sent_at: now,
    })
    .execute();
  // service plans: a draft, one out for consultation (with a comment) and an adopted one.
  const emptyPlan = JSON.stringify({ background: '', links: [], levels: [], goals: [], measures: [] });
  const plan = (status: 'draft' | 'consultation' | 'adopted') =>
    db
      .insertInto('service_plans')
      .values({
        space_id: spaceId,
        municipality_code: '2422',
        title: `Plan ${status}`,
        period_start: '2026-01-01',
        period_end: '2029-12-31',
        status,
        content: emptyPlan,
        analysis_id: null,
        consultation_ends_on: status === 'draft' ? null : '2099-12-31',
        created_by: null,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  const version = (planId: string, number: number, status: 'consultation' | 'adopted') =>
    db
      .insertInto('service_plan_versions')
      .values({
        plan_id: planId,
        number,
        status,
        title: 'Plan',
        period_start: '2026-01-01',
        period_end: '2029-12-31',
        content: JSON.stringify({ background: '', links: [], analysisId: null, levels: [], goals: [], measures: [] }),
        analysis_id: null,
        consultation_ends_on: status === 'consultation' ? '2099-12-31' : null,
        decision_body: status === 'adopted' ? 'Kommunfullmäktige' : null,
        decision_date: status === 'adopted' ? '2026-06-01' : null,
        minute_reference: status === 'adopted' ? '§ 1' : null,
        created_by: null,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  const { id: draftPlanId } = await plan('draft');
  const { id: consultationPlanId } = await plan('consultation');
  const { id: consultationVersionId } = await version(consultationPlanId, 1, 'consultation');
  const { id: planCommentId } = await db
    .insertInto('service_plan_comments')
    .values({
      plan_id: consultationPlanId,
      version_id: consultationVersionId,
      body: 'Synpunkt',
      author_name: null,
      locality_id: null,
      user_id: null,
      response: null,
      moderated_at: null,
      moderated_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { id: adoptedPlanId } = await plan('adopted');
  await version(adoptedPlanId, 1, 'consultation');
  await version(adoptedPlanId, 2, 'adopted');
  // groups and events (helper D)
  const { id: eventId } = await db
    .insertInto('events')
    .values({
      space_id: spaceId,
      kind: 'kick_off',
      title: 'Matrisuppstart',
      starts_at: new Date(now.getTime() + 30 * 86_400_000),
      ends_at: new Date(now.getTime() + 30 * 86_400_000 + 7_200_000),
      municipality_code: null,
      working_group_id: null,
      place_name: 'Matrishuset',
      address: null,
      lon: null,
      lat: null,
      online_url: null,
      capacity: 20,
      online_capacity: null,
      questions: '[]',
      agenda: '[]',
      cancel_reason: null,
      ical_uid: `${unique}@matris`,
      created_by: null,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const registrationId = randomUUID();
  await db
    .insertInto('registrations')
    .values({
      id: registrationId,
      event_id: eventId,
      user_id: null,
      name: 'Anmäld',
      email: `anmald-${unique}@example.org`,
      mode: 'on_site',
      status: 'confirmed',
      organisation_name: null,
      organisation_id: null,
      sector: null,
      age_group: null,
      dietary_needs: null,
      accessibility_needs: null,
      cancel_token_hash: hashToken(t.deps.config.sessionSecret, `cancel-${unique}`),
      check_in_token_hash: hashToken(t.deps.config.sessionSecret, `check-in-${unique}`),
    })
    .execute();
  // inputs
  const { id: inputId } = await db
    .insertInto('inputs')
    .values({
      space_id: spaceId,
      number: 1,
      text: 'Matrisinspel',
      kind: 'idea',
      theme: null,
      service_type: null,
      municipality_code: null,
      locality_id: null,
      lon: null,
      lat: null,
      source: 'form',
      channel: null,
      source_ref: null,
      event_id: null,
      submitter_sector: null,
      submitter_age_group: null,
      submitter_email: null,
      planned_ref_id: null,
      planned_ref_label: null,
      status_changed_at: now,
      entered_by: null,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // live workshop boards
  const boardCode = Array.from(randomBytes(6), (b) => 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'[b % 31]).join('');
  const { id: boardId } = await db
    .insertInto('boards')
    .values({ event_id: eventId, space_id: spaceId, code: boardCode, title: 'Matristavla', created_by: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { id: promptId } = await db
    .insertInto('board_prompts')
    .values({ board_id: boardId, position: 0, text: 'Matris?' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const boardNote = (n: number) =>
    db
      .insertInto('board_notes')
      .values({
        board_id: boardId,
        number: n,
        prompt_id: promptId,
        group_id: null,
        cluster_id: null,
        position: n,
        text: `Lapp ${n}`,
        participant_id: null,
        author_user_id: null,
        client_key: `fixture-${unique}-${n}`,
        merged_into: null,
        input_id: null,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  const { id: noteId } = await boardNote(1);
  const { id: otherNoteId } = await boardNote(2);
  await db.updateTable('boards').set({ seq: 2 }).where('id', '=', boardId).execute();
  const { id: clusterId } = await db
    .insertInto('board_clusters')
    .values({ board_id: boardId, prompt_id: promptId, label: 'Kluster' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const storedName = `${unique}.pdf`;
  const documentsDir = path.join(t.deps.config.dataDir, 'uploads', 'events');
  await mkdir(documentsDir, { recursive: true });
  await writeFile(path.join(documentsDir, storedName), '%PDF-1.4\n%%EOF\n');
  const { id: documentId } = await db
    .insertInto('event_documents')
    .values({
      event_id: eventId,
      kind: 'minutes',
      title: 'Protokoll',
      original_name: 'protokoll.pdf',
      stored_name: storedName,
      content_type: 'application/pdf',
      size: 15,
      sha256: '',
      uploaded_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { id: groupId } = await db
    .insertInto('working_groups')
    .values({
      space_id: spaceId,
      municipality_code: '2422',
      name: 'Matrisgruppen',
      kind: 'local',
      targets: JSON.stringify({ public: 4, private: 4, civil_society: 4, academia: 0, youth: 1 }),
      created_by: null,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { id: groupMemberId } = await db
    .insertInto('people')
    .values({ name: 'Gruppmedlem', email: null, phone: null, municipality_code: null, age_group: null, created_by: null, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('space_people').values({ space_id: spaceId, person_id: groupMemberId }).execute();
  await db.insertInto('working_group_members').values({ group_id: groupId, person_id: groupMemberId, organisation_id: null }).execute();
  const client = await cellClient(role);
  let ownSessionId: string = randomUUID();
  let ownTokenId: string = randomUUID();
  if (role !== 'anonymous') {
    const user = users[role];
    ownSessionId = (await startSession(t.deps, { requestId: 'matrix', userAgent: undefined }, user.id, 'password')).sessionId;
    const ctx = { actor: anonymous, language: 'sv' as const, requestId: 'matrix', ip: '127.0.0.1', userAgent: undefined, origin: '' };
    ownTokenId = (await createApiToken(t.deps, ctx, user.id, 'matris')).id;
  }
  const email = role === 'anonymous' ? target.email : users[role].email;
  return {
    fixture: {
      spaceId,
      targetUserId: target.id,
      targetEmail: target.email,
      invitationId,
      invitationToken,
      joinRequestId,
      profileUserId,
      localityId,
      ownSessionId,
      ownTokenId,
      organisationId,
      otherOrganisationId,
      collaborationId,
      personId,
      snapshotId,
      surveyId,
      surveyToken,
      email,
      unique,
      draftPlanId,
      consultationPlanId,
      adoptedPlanId,
      planCommentId,
      eventId,
      registrationId,
      inputId,
      boardId,
      boardCode,
      promptId,
      noteId,
      otherNoteId,
      clusterId,
      checkInCode: hashToken(t.deps.config.sessionSecret, `check-in:${registrationId}`),
      documentId,
      groupId,
      groupMemberId,
      ...(await fixtureParts(parts, { spaceId, organisationId, otherOrganisationId, eventId, unique, now })),
    } as Fixture,
    client,
  };
}

/**
 * Reads and refused writes change nothing, so they share one fixture per role (each cell still with
 * its own session); every accepted write (and a read marked `fresh`) gets its own, so one cell's
 * change never decides another's answer. A cell that changed something while it should not have
 * fails itself, on its status.
 */
const shared = new Map<Role, Promise<{ fixture: Fixture; client: Client }>>();
async function wholeFixture(role: Role): Promise<Fixture> {
  if (!shared.has(role)) shared.set(role, fixture(role));
  return (await shared.get(role)!).fixture;
}
async function sharedFixture(role: Role): Promise<{ fixture: Fixture; client: Client }> {
  return { fixture: await wholeFixture(role), client: await cellClient(role) };
}

/**
 * Registers part `part` of `parts` of the matrix (every `parts`-th route) in the calling test file:
 * the parts are files of their own so a run spreads the matrix over its workers. Part 1 also checks
 * that every route has an entry.
 */
export function definePolicyMatrix(part: number, parts: number) {
  beforeAll(setUp, 120_000);
  afterAll(() => t.close());
  describe(`policy matrix (part ${part} of ${parts})`, () => {
    if (part === 1)
      it('has an entry for every route', () => {
        const routes = [...allRoutes(t.deps).map((r) => `${r.method} ${r.url}`), 'GET /api/openapi.json'].sort();
        expect(Object.keys(MATRIX).sort()).toEqual(routes);
      });

    for (const [route, spec] of Object.entries(MATRIX).filter((_, index) => index % parts === part - 1)) {
      it(
        route,
        async () => {
          const [method] = route.split(' ') as [string];
          const observed: Partial<Expectation> = {};
          for (const role of ROLES) {
            // A cell that is to change something gets a fixture of its own; a refused request changes
            // nothing (the fuzz test holds every route to that), so refused cells share one per role.
            const changes = spec.fresh || (method !== 'GET' && spec.expect[role] < 400);
            const { fixture: f, client } = changes ? await fixture(role, partsFor(spec, await wholeFixture(role))) : await sharedFixture(role);
            const body = spec.body?.(f);
            const answer = await client.request(
              method,
              spec.path(f),
              body ?? (method === 'GET' || method === 'DELETE' ? undefined : {}),
              spec.contentType ? { 'content-type': spec.contentType } : {},
            );
            observed[role] = answer.status;
          }
          expect(observed).toEqual(spec.expect);
          // Every role asks once; a document export (Word, PDF) per role adds up on a busy machine.
        },
        120_000,
      );
    }
  });
}
