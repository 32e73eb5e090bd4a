import { z } from 'zod';
import { ageGroup, sector } from './actors.ts';
import { municipalityCode, line } from './common.ts';

export const groupKind = z.enum(['local', 'youth', 'steering', 'other']);
export type GroupKind = z.infer<typeof groupKind>;

const target = z.number().int().min(0).max(100);
/** How many members of each kind a group aims for; TALKO's local groups: 4 + 4 + 4 + 1 youth. */
export const compositionTargets = z.strictObject({
  public: target,
  private: target,
  civil_society: target,
  academia: target,
  youth: target,
});
export type CompositionTargets = z.infer<typeof compositionTargets>;
export const DEFAULT_TARGETS: CompositionTargets = { public: 4, private: 4, civil_society: 4, academia: 0, youth: 1 };

export const groupInput = z.strictObject({
  name: line().min(2).max(160),
  kind: groupKind.default('local'),
  municipalityCode: municipalityCode.nullable().optional(),
  description: z.string().trim().max(5000).optional(),
  targets: compositionTargets.partial().optional(),
});
export type GroupInput = z.input<typeof groupInput>;
export const groupPatch = z.strictObject({
  name: line().min(2).max(160).optional(),
  kind: groupKind.optional(),
  municipalityCode: municipalityCode.nullable().optional(),
  description: z.string().trim().max(5000).optional(),
  targets: compositionTargets.partial().optional(),
});

export const groupMemberInput = z.strictObject({
  personId: z.uuid(),
  /** The organisation the person represents here; defaults to their only affiliation. */
  organisationId: z.uuid().nullable().optional(),
  role: line().max(120).optional(),
  youthRepresentative: z.boolean().optional(),
});

export const groupMember = z.object({
  personId: z.string(),
  name: z.string(),
  organisationId: z.string().nullable(),
  organisationName: z.string().nullable(),
  sector: sector.nullable(),
  ageGroup: ageGroup.nullable(),
  role: z.string(),
  youthRepresentative: z.boolean(),
  joinedAt: z.string(),
});
export type GroupMember = z.infer<typeof groupMember>;

export const balanceKey = z.enum(['public', 'private', 'civil_society', 'academia', 'youth']);
/** One line of the balance view: aimed for, present, and what is still missing. */
export const balanceLine = z.object({ key: balanceKey, target: z.number(), actual: z.number(), missing: z.number() });
export type BalanceLine = z.infer<typeof balanceLine>;

/** What the caller may do with a group (its `allowedActions`). */
export const groupAction = z.enum(['view', 'view_members', 'update', 'manage_members']);
export type GroupAction = z.infer<typeof groupAction>;

export const group = z.object({
  id: z.string(),
  spaceId: z.string(),
  name: z.string(),
  kind: groupKind,
  municipalityCode: z.string().nullable(),
  municipalityName: z.string().nullable(),
  description: z.string(),
  targets: compositionTargets,
  memberCount: z.number(),
  balance: z.array(balanceLine),
  /** Whether every target is met. */
  complete: z.boolean(),
  /** Organisations represented (public registry data; everyone who sees the space sees these). */
  organisations: z.array(z.object({ id: z.string(), name: z.string(), sector })),
  /** People are personal data: present only for those who lead the space. */
  members: z.array(groupMember).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  allowedActions: z.array(groupAction),
});
export type Group = z.infer<typeof group>;

export const groupMemberParams = z.object({ id: z.uuid(), personId: z.uuid() });
