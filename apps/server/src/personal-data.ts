import { accountPersonalData, apiTokenPersonalData, authLinkPersonalData, sessionPersonalData } from './modules/accounts/personal-data/account.personal-data.ts';
import { volunteerPersonalData } from './modules/alliances/volunteer/volunteer.personal-data.ts';
import { signupPersonalData } from './modules/accounts/signup/signup.personal-data.ts';
import { profilePersonalData } from './modules/accounts/profile/profile.personal-data.ts';
import { personPersonalData } from './modules/actors/person/person.personal-data.ts';
import { surveyPersonalData } from './modules/actors/survey/survey.personal-data.ts';
import { auditPersonalData } from './modules/admin/audit/audit.personal-data.ts';
import { outboxPersonalData } from './modules/admin/outbox/outbox.personal-data.ts';
import { boardPersonalData } from './modules/dialogues/board/board.personal-data.ts';
import { inputPersonalData } from './modules/dialogues/input/input.personal-data.ts';
import { registrationPersonalData } from './modules/dialogues/registration/registration.personal-data.ts';
import { groupPersonalData } from './modules/groups/group/group.personal-data.ts';
import { modelPersonalData } from './modules/models/model/model.personal-data.ts';
import { processPersonalData } from './modules/processes/process/process.personal-data.ts';
import { servicePlanCommentPersonalData } from './modules/services/service-plan-comment/service-plan-comment.personal-data.ts';
import { invitationPersonalData } from './modules/spaces/invitation/invitation.personal-data.ts';
import { joinRequestPersonalData } from './modules/spaces/join-request/join-request.personal-data.ts';
import { membershipPersonalData } from './modules/spaces/membership/membership.personal-data.ts';
import { postPersonalData } from './modules/news/post/post.personal-data.ts';
import { followPersonalData } from './modules/notifications/follow/follow.personal-data.ts';
import { agreementPersonalData } from './modules/agreements/agreement/agreement.personal-data.ts';
import { libraryPersonalData } from './modules/library/item/library-item.personal-data.ts';
import type { PersonalDataProvider } from './platform/personal-data.ts';

/**
 * Every module's part of "download my data" and "delete my account" (like http/routes.ts for
 * routes and jobs.ts for jobs). A module that keeps personal data adds its provider here; the
 * export shows the sections in this order and erasure runs them in this order (the account's
 * credentials first, e-mails last, so no mail queued during the erasure survives it).
 */
export const personalDataProviders: readonly PersonalDataProvider[] = [
  accountPersonalData,
  profilePersonalData,
  sessionPersonalData,
  apiTokenPersonalData,
  authLinkPersonalData,
  signupPersonalData,
  membershipPersonalData,
  invitationPersonalData,
  joinRequestPersonalData,
  groupPersonalData,
  processPersonalData,
  personPersonalData,
  surveyPersonalData,
  registrationPersonalData,
  volunteerPersonalData,
  inputPersonalData,
  servicePlanCommentPersonalData,
  agreementPersonalData,
  boardPersonalData,
  libraryPersonalData,
  modelPersonalData,
  postPersonalData,
  followPersonalData,
  auditPersonalData,
  outboxPersonalData,
];
