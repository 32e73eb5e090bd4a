import type { Deps } from '../../../platform/deps.ts';
import type { DataSubject, PersonalDataProvider } from '../../../platform/personal-data.ts';
import { apiTokensOf, authLinksOf, deleteCredentialsOf, findAccount, sessionsOf } from './personal-data.repository.ts';

/** The account itself (never the password hash), its sessions, API tokens (metadata only) and e-mailed links. */
export const accountPersonalData: PersonalDataProvider = {
  key: 'account',
  async collect(deps: Deps, subject: DataSubject) {
    const row = await findAccount(deps.db, subject.userId);
    if (!row) return [];
    return [
      {
        id: row.id,
        email: row.email,
        name: row.name,
        language: row.language,
        isAdmin: row.is_admin,
        hasPassword: row.password_hash !== null,
        signsInThrough: row.oidc_issuer ? { issuer: row.oidc_issuer, subject: row.oidc_subject } : null,
        createdAt: row.created_at.toISOString(),
        disabledAt: row.disabled_at?.toISOString() ?? null,
      },
    ];
  },
  async erase(_deps, trx, _ctx, subject) {
    return deleteCredentialsOf(trx, subject.userId);
  },
};

export const sessionPersonalData: PersonalDataProvider = {
  key: 'sessions',
  async collect(deps: Deps, subject: DataSubject) {
    return (await sessionsOf(deps.db, subject.userId)).map((s) => ({
      id: s.id,
      method: s.method,
      userAgent: s.user_agent,
      createdAt: s.created_at.toISOString(),
      lastSeenAt: s.last_seen_at.toISOString(),
      expiresAt: s.expires_at.toISOString(),
      revokedAt: s.revoked_at?.toISOString() ?? null,
    }));
  },
  // Deleted with the account's credentials (accountPersonalData).
  async erase() {
    return 0;
  },
};

export const apiTokenPersonalData: PersonalDataProvider = {
  key: 'apiTokens',
  async collect(deps: Deps, subject: DataSubject) {
    return (await apiTokensOf(deps.db, subject.userId)).map((t) => ({
      id: t.id,
      name: t.name,
      prefix: t.prefix,
      createdAt: t.created_at.toISOString(),
      lastUsedAt: t.last_used_at?.toISOString() ?? null,
      revokedAt: t.revoked_at?.toISOString() ?? null,
    }));
  },
  async erase() {
    return 0;
  },
};

export const authLinkPersonalData: PersonalDataProvider = {
  key: 'emailLinks',
  async collect(deps: Deps, subject: DataSubject) {
    return (await authLinksOf(deps.db, subject.userId)).map((l) => ({
      id: l.id,
      kind: l.kind,
      createdAt: l.created_at.toISOString(),
      expiresAt: l.expires_at.toISOString(),
      usedAt: l.used_at?.toISOString() ?? null,
    }));
  },
  async erase() {
    return 0;
  },
};
