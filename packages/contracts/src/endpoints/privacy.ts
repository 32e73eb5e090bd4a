import { z } from 'zod';
import { endpoint } from '../endpoint.ts';
import {
  accountDeletionPreview,
  consentLinkInfo,
  consentTokenBody,
  consentWithdrawParams,
  deleteAccountBody,
  personalDataQuery,
  privacyPolicy,
  privacyQuery,
  processingActivity,
  registerQuery,
} from '../privacy.ts';

/** People's data (GDPR): the server's personal-data, consent and privacy routes implement them. */
export const privacyEndpoints = {
  exportMyData: endpoint({
    method: 'GET',
    path: '/api/me/data',
    access: 'signed_in',
    // Only the person with a session of their own: a leaked API token must not download or erase anyone.
    sessionOnly: true,
    summary: 'Download everything the platform holds about me: a JSON file, a printable HTML summary or a PDF',
    tags: ['account'],
    query: personalDataQuery,
  }),
  previewAccountDeletion: endpoint({
    method: 'GET',
    path: '/api/me/deletion',
    access: 'signed_in',
    // Only the person with a session of their own: a leaked API token must not download or erase anyone.
    sessionOnly: true,
    summary: 'What deleting my account would erase, and whether I must hand over a space first',
    tags: ['account'],
    response: accountDeletionPreview,
  }),
  deleteMyAccount: endpoint({
    method: 'POST',
    path: '/api/me/delete',
    access: 'signed_in',
    // Only the person with a session of their own: a leaked API token must not download or erase anyone.
    sessionOnly: true,
    summary: 'Delete my account: erases my personal data and keeps what others rely on as "borttagen användare"',
    tags: ['account'],
    body: deleteAccountBody,
    status: 204,
  }),
  // The token travels in the body (from the page's #fragment), never in a URL that is logged.
  describeConsentLink: endpoint({
    method: 'POST',
    path: '/api/consents/link',
    access: 'public',
    summary: 'What the consent behind a withdrawal link covers (from an e-mail about the person)',
    tags: ['privacy'],
    body: consentTokenBody,
    response: consentLinkInfo,
  }),
  withdrawConsentByLink: endpoint({
    method: 'POST',
    path: '/api/consents/link/withdraw',
    access: 'public',
    summary: 'Withdraw a consent with the link from an e-mail; from then on the data it covered is not used',
    tags: ['privacy'],
    body: consentTokenBody,
    response: consentLinkInfo,
  }),
  withdrawConsentOnBehalf: endpoint({
    method: 'POST',
    path: '/api/consents/:kind/:id/withdraw',
    access: 'signed_in',
    summary: "Withdraw a registration's, an input's, a person's or a survey contact's consent on their behalf (space leaders)",
    tags: ['privacy'],
    params: consentWithdrawParams,
    status: 204,
  }),
  getPrivacyPolicy: endpoint({
    method: 'GET',
    path: '/api/privacy',
    access: 'public',
    summary: 'The privacy policy (personuppgiftspolicy): controller, purposes, legal bases, retention, from the configuration',
    tags: ['privacy'],
    query: privacyQuery,
    response: privacyPolicy,
  }),
  getProcessingRegister: endpoint({
    method: 'GET',
    path: '/api/admin/privacy/register',
    access: 'admin',
    summary: 'The register of processing activities (GDPR art. 30) (platform admins)',
    tags: ['admin'],
    query: privacyQuery,
    response: z.object({ controller: privacyPolicy.shape.controller, activities: z.array(processingActivity) }),
  }),
  exportProcessingRegister: endpoint({
    method: 'GET',
    path: '/api/admin/privacy/register.csv',
    access: 'admin',
    summary: 'The register of processing activities (GDPR art. 30) as CSV (platform admins)',
    tags: ['admin'],
    query: registerQuery,
  }),
};
