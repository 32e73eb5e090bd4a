import { z } from 'zod';
import { agenda2030Tags } from './agenda2030.ts';
import { email, municipalityCode, line } from './common.ts';

export const spaceKind = z.enum(['project', 'municipal', 'regional', 'alliance']);
export type SpaceKind = z.infer<typeof spaceKind>;
export const spaceVisibility = z.enum(['public', 'members']);
/** How people join a public space: openly, on request (a leader accepts or declines) or by invitation only. */
export const joinPolicy = z.enum(['open', 'request', 'invitation']);
export type JoinPolicy = z.infer<typeof joinPolicy>;
export const spaceRole = z.enum(['space_admin', 'facilitator', 'member', 'observer']);
export type SpaceRole = z.infer<typeof spaceRole>;

export const spaceInput = z.strictObject({
  name: line().min(2).max(120),
  description: z.string().trim().max(5000).default(''),
  kind: spaceKind,
  visibility: spaceVisibility,
  joinPolicy: joinPolicy.default('invitation'),
  municipalityCodes: z.array(municipalityCode).max(290).default([]),
  goals: agenda2030Tags.goals.default([]),
  targets: agenda2030Tags.targets.default([]),
});
export type SpaceInput = z.input<typeof spaceInput>;

export const spacePatch = z.strictObject({
  name: line().min(2).max(120).optional(),
  description: z.string().trim().max(5000).optional(),
  kind: spaceKind.optional(),
  visibility: spaceVisibility.optional(),
  joinPolicy: joinPolicy.optional(),
  municipalityCodes: z.array(municipalityCode).max(290).optional(),
  goals: agenda2030Tags.goals.optional(),
  targets: agenda2030Tags.targets.optional(),
  archived: z.boolean().optional(),
});

/** What the caller may do with a space (its `allowedActions`). */
export const spaceAction = z.enum(['view', 'update', 'archive', 'restore', 'view_members', 'invite', 'manage_members', 'manage_organisations', 'manage_people', 'run_surveys', 'leave', 'join', 'request_to_join', 'decide_join_requests']);
export type SpaceAction = z.infer<typeof spaceAction>;

export const space = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  kind: spaceKind,
  visibility: spaceVisibility,
  /** A members-only space is joined by invitation only, whatever it was set to. */
  joinPolicy: joinPolicy,
  archived: z.boolean(),
  municipalityCodes: z.array(z.string()),
  goals: z.array(z.number()),
  targets: z.array(z.string()),
  memberCount: z.number(),
  myRole: spaceRole.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  allowedActions: z.array(spaceAction),
});
export type Space = z.infer<typeof space>;

export const spacesQuery = z.object({
  archived: z.enum(['true', 'false']).optional(),
  mine: z.enum(['true', 'false']).optional(),
});

/** What the caller may do with a member (its `allowedActions`). */
export const memberAction = z.enum(['change_role', 'remove']);
export type MemberAction = z.infer<typeof memberAction>;

export const member = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  role: spaceRole,
  joinedAt: z.string(),
  /** Whether the member has a profile the caller may open (GET /api/users/:id/profile). */
  hasProfile: z.boolean(),
  allowedActions: z.array(memberAction),
});
export type Member = z.infer<typeof member>;

export const memberInput = z.strictObject({ email, role: spaceRole });
export const memberPatch = z.strictObject({ role: spaceRole });
export const memberParams = z.object({ id: z.uuid(), userId: z.uuid() });

export const invitation = z.object({
  id: z.string(),
  email: z.string(),
  role: spaceRole,
  createdAt: z.string(),
  expiresAt: z.string(),
  status: z.enum(['pending', 'accepted', 'revoked', 'expired']),
});
export type Invitation = z.infer<typeof invitation>;

export const invitationPreview = z.object({
  spaceId: z.string(),
  spaceName: z.string(),
  role: spaceRole,
  email: z.string(),
  accountExists: z.boolean(),
});

export const acceptInvitationBody = z.strictObject({
  token: z.string().min(20).max(200),
  name: line().min(1).max(120).optional(),
  password: z.string().min(10, { message: 'validation.password' }).max(200).optional(),
});

export const joinRequestStatus = z.enum(['pending', 'accepted', 'declined', 'withdrawn']);
export type JoinRequestStatus = z.infer<typeof joinRequestStatus>;

/** Join an open space at once, or ask to join one that takes requests (an optional note to its leaders). */
export const joinSpaceBody = z.strictObject({ message: z.string().trim().max(1000).default('') });
export const joinSpaceResult = z.object({ outcome: z.enum(['joined', 'requested']), space: space });

/** The caller's own latest request to join a space (null when there is none). */
export const ownJoinRequest = z.object({ status: joinRequestStatus.nullable(), requestedAt: z.string().nullable(), decidedAt: z.string().nullable() });
export type OwnJoinRequest = z.infer<typeof ownJoinRequest>;

/** A pending request, as the space's leaders see it (e-mail addresses only for leaders, as with members). */
export const joinRequest = z.object({
  id: z.string(),
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  message: z.string(),
  status: joinRequestStatus,
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type JoinRequest = z.infer<typeof joinRequest>;

export const joinRequestParams = z.object({ id: z.uuid(), requestId: z.uuid() });
export const joinDecisionBody = z.strictObject({ decision: z.enum(['accept', 'decline']) });
