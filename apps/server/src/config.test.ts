import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('has working defaults: port 3000, ./data, PGlite, demo on, a generated session secret kept in DATA_DIR', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'smh-config-'));
    const config = loadConfig({ DATA_DIR: dir });
    expect(config).toMatchObject({ port: 3000, dataDir: dir, databaseUrl: undefined, demo: true, oidc: undefined });
    expect(config.sessionSecret.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(path.join(dir, 'session-secret'), 'utf8').trim()).toBe(config.sessionSecret);
    expect(loadConfig({ DATA_DIR: dir }).sessionSecret).toBe(config.sessionSecret);
  });

  it('reads every documented variable', () => {
    const config = loadConfig({
      PORT: '8080',
      DATA_DIR: '/srv/samhandling',
      DATABASE_URL: 'postgres://app@db.internal:5432/samhandling',
      PUBLIC_URL: 'https://samverkan.region.example/',
      SESSION_SECRET: 'x'.repeat(40),
      SMTP_URL: 'smtp://mail.region.example:587',
      OIDC_ISSUER: 'https://login.region.example',
      OIDC_CLIENT_ID: 'samhandling',
      OIDC_CLIENT_SECRET: 's3cret',
      MAP_STYLE_URL: 'https://tiles.region.example/style.json',
      DEMO: 'false',
      TRUST_PROXY: '10.0.0.5, 10.1.0.0/16',
    });
    expect(config).toMatchObject({
      port: 8080,
      dataDir: '/srv/samhandling',
      databaseUrl: 'postgres://app@db.internal:5432/samhandling',
      publicUrl: 'https://samverkan.region.example',
      smtpUrl: 'smtp://mail.region.example:587',
      oidc: { issuer: 'https://login.region.example', clientId: 'samhandling', clientSecret: 's3cret' },
      mapStyleUrl: 'https://tiles.region.example/style.json',
      demo: false,
      trustProxy: ['10.0.0.5', '10.1.0.0/16'],
    });
  });

  it('reports each problem on its own line', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', SESSION_SECRET: 'short', DEMO: 'maybe', OIDC_ISSUER: 'https://login.example', DATA_DIR: '/tmp' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['DATABASE_URL', 'DEMO', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'PORT', 'SESSION_SECRET']);
    expect(problems.find((p) => p.startsWith('PORT'))).toBe('PORT: must be a number (got "eighty")');
    expect((error as Error).message.split('\n')).toHaveLength(problems.length + 1);
  });

  it('reads the privacy settings: the controller and the retention periods, with defaults', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'smh-config-'));
    expect(loadConfig({ DATA_DIR: dir }).privacy).toEqual({
      controllerName: undefined,
      controllerContact: undefined,
      dpoContact: undefined,
      retention: { registrationAnswersDays: 30, boardNamesDays: 90, outboxDays: 90, volunteerContactsDays: 90, auditYears: 5 },
    });
    const config = loadConfig({
      DATA_DIR: dir,
      PRIVACY_CONTROLLER_NAME: 'Region Norrbotten',
      PRIVACY_CONTROLLER_CONTACT: 'dataskydd@region.example, 010-123 45 00',
      PRIVACY_DPO_CONTACT: 'dso@region.example',
      RETENTION_REGISTRATION_ANSWERS_DAYS: '14',
      RETENTION_BOARD_NAMES_DAYS: '60',
      RETENTION_OUTBOX_DAYS: '30',
      RETENTION_VOLUNTEER_CONTACTS_DAYS: '60',
      RETENTION_AUDIT_YEARS: '10',
    });
    expect(config.privacy).toEqual({
      controllerName: 'Region Norrbotten',
      controllerContact: 'dataskydd@region.example, 010-123 45 00',
      dpoContact: 'dso@region.example',
      retention: { registrationAnswersDays: 14, boardNamesDays: 60, outboxDays: 30, volunteerContactsDays: 60, auditYears: 10 },
    });
    let error: unknown;
    try {
      loadConfig({ DATA_DIR: dir, RETENTION_OUTBOX_DAYS: '0', RETENTION_AUDIT_YEARS: 'five' });
    } catch (e) {
      error = e;
    }
    expect((error as ConfigError).problems.sort()).toEqual([
      'RETENTION_AUDIT_YEARS: must be a number (got "five")',
      'RETENTION_OUTBOX_DAYS: must be between 1 and 36500 days (got "0")',
    ]);
  });
});
