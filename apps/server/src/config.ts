import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const booleanFlag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'], {
    error: 'must be one of true/false, 1/0, yes/no, on/off',
  })
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const optionalUrl = (protocols: string[]) =>
  z
    .url({ error: 'must be a URL' })
    .refine((u) => protocols.includes(new URL(u).protocol), {
      error: `must start with ${protocols.join(' or ')}`,
    })
    .optional();

const days = (fallback: number) =>
  z.coerce
    .number({ error: 'must be a number' })
    .int({ error: 'must be a whole number' })
    .min(1, { error: 'must be between 1 and 36500 days' })
    .max(36500, { error: 'must be between 1 and 36500 days' })
    .default(fallback);

const environmentSchema = z
  .object({
    PORT: z.coerce
      .number({ error: 'must be a number' })
      .int({ error: 'must be a whole number' })
      .min(0, { error: 'must be between 0 and 65535' })
      .max(65535, { error: 'must be between 0 and 65535' })
      .default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    DATA_DIR: z.string().min(1).default('./data'),
    DATABASE_URL: optionalUrl(['postgres:', 'postgresql:']),
    PUBLIC_URL: optionalUrl(['http:', 'https:']),
    SESSION_SECRET: z.string().min(32, { error: 'must be at least 32 characters' }).optional(),
    SMTP_URL: optionalUrl(['smtp:', 'smtps:']),
    MAIL_FROM: z.string().default('Samhandling <no-reply@samhandling.local>'),
    OIDC_ISSUER: optionalUrl(['http:', 'https:']),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    OIDC_NAME: z.string().min(1).default('organisationens inloggning'),
    MAP_STYLE_URL: optionalUrl(['http:', 'https:']),
    // A self-hosted PMTiles basemap: a file path (served by this server with range requests) or a URL.
    MAP_TILES: z.string().min(1).optional(),
    // A directory of MapLibre glyph files ({fontstack}/{range}.pbf) for the basemap's labels.
    MAP_FONTS: z.string().min(1).optional(),
    // Self-registration: anyone (open), only by invitation (invite), or e-mail addresses of SIGNUP_DOMAINS.
    SIGNUP: z.enum(['open', 'invite', 'domains'], { error: 'must be open, invite or domains' }).default('invite'),
    SIGNUP_DOMAINS: z
      .string()
      .regex(/^\s*[a-z0-9.-]+\.[a-z]{2,}(\s*,\s*[a-z0-9.-]+\.[a-z]{2,})*\s*$/i, { error: 'must be e-mail domains, comma separated' })
      .optional(),
    DEMO: booleanFlag.default(true),
    // How long a stopping instance keeps answering new requests with 503 before it stops listening.
    SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
    // Check every JSON answer against its endpoint's response schema (500 on a mismatch).
    // Unset: on unless NODE_ENV=production.
    VALIDATE_RESPONSES: booleanFlag.optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    // The load balancers whose X-Forwarded-For is believed (addresses or CIDR ranges, comma
    // separated), so rate limits count each client and not the proxy. Never "everyone".
    TRUST_PROXY: z
      .string()
      .regex(/^[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*$/, { error: 'must be proxy addresses or CIDR ranges, comma separated' })
      .optional(),
    // People's data (privacy page, Art. 30 register, retention job).
    PRIVACY_CONTROLLER_NAME: z.string().min(1).max(200).optional(),
    PRIVACY_CONTROLLER_CONTACT: z.string().min(1).max(500).optional(),
    PRIVACY_DPO_CONTACT: z.string().min(1).max(500).optional(),
    RETENTION_REGISTRATION_ANSWERS_DAYS: days(30),
    RETENTION_BOARD_NAMES_DAYS: days(90),
    RETENTION_OUTBOX_DAYS: days(90),
    RETENTION_VOLUNTEER_CONTACTS_DAYS: days(90),
    RETENTION_AUDIT_YEARS: z.coerce
      .number({ error: 'must be a number' })
      .int({ error: 'must be a whole number' })
      .min(1, { error: 'must be between 1 and 100' })
      .max(100, { error: 'must be between 1 and 100' })
      .default(5),
  });

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  publicUrl: string | undefined;
  sessionSecret: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  oidc: { issuer: string; clientId: string; clientSecret: string; name: string } | undefined;
  mapStyleUrl: string | undefined;
  /** MAP_TILES: a PMTiles archive, as a local file path or an http(s) URL. */
  mapTiles?: { file: string } | { url: string } | undefined;
  /** MAP_FONTS: a directory of glyph files for the basemap's labels. */
  mapFonts?: string | undefined;
  /** SIGNUP (+ SIGNUP_DOMAINS): who may register themselves; invite only when unset. */
  signup?: { mode: 'open' | 'invite' | 'domains'; domains: string[] } | undefined;
  demo: boolean;
  logLevel: string;
  /** On SIGTERM: milliseconds of answering 503 + Retry-After before the listener closes (SHUTDOWN_DRAIN_MS). */
  shutdownDrainMs?: number;
  /** Proxy addresses or CIDR ranges whose X-Forwarded-For is trusted (TRUST_PROXY); none by default. */
  trustProxy?: string[] | undefined;
  /** The controller shown on the privacy page and the retention periods the daily job enforces. */
  privacy?: PrivacyConfig;
  /** Check every answer against its endpoint's response schema (VALIDATE_RESPONSES; unset: NODE_ENV !== 'production'). */
  validateResponses?: boolean | undefined;
}

export interface PrivacyConfig {
  /** Unset until the operator configures it; the privacy page then says it must be configured. */
  controllerName: string | undefined;
  controllerContact: string | undefined;
  dpoContact: string | undefined;
  retention: {
    /** Registrations' diet and accessibility answers are deleted this many days after the event. */
    registrationAnswersDays: number;
    /** Board participants' names are deleted this many days after the board closes. */
    boardNamesDays: number;
    /** Outbox messages lose their body and recipients after this many days. */
    outboxDays: number;
    /** Volunteers' names, e-mail addresses and phone numbers are removed this many days after the call's day (the hours stay). */
    volunteerContactsDays: number;
    /** Audit entries keep their facts but lose actor, request id and details after this many years. */
    auditYears: number;
  };
}

export const DEFAULT_PRIVACY: PrivacyConfig = {
  controllerName: undefined,
  controllerContact: undefined,
  dpoContact: undefined,
  retention: { registrationAnswersDays: 30, boardNamesDays: 90, outboxDays: 90, volunteerContactsDays: 90, auditYears: 5 },
};

/** The privacy settings, with the defaults when a config (e.g. a test's) has none. */
export const privacyOf = (config: Config): PrivacyConfig => config.privacy ?? DEFAULT_PRIVACY;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
}

/** Parses the environment; every problem is reported, one line each. Empty strings count as unset. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = environmentSchema.safeParse(present);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => {
        const key = String(issue.path[0] ?? 'environment');
        return `${key}: ${issue.message} (got ${JSON.stringify(present[key] ?? null)})`;
      });
  // OIDC needs all three settings or none; checked apart so it is reported with everything else.
  const oidcKeys = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const;
  if (oidcKeys.some((key) => present[key]) && !oidcKeys.every((key) => present[key])) {
    for (const key of oidcKeys) if (!present[key]) problems.push(`${key}: is required when OIDC is configured`);
  }
  if (present.SIGNUP === 'domains' && !present.SIGNUP_DOMAINS) problems.push('SIGNUP_DOMAINS: is required when SIGNUP=domains');
  if (!parsed.success || problems.length) throw new ConfigError(problems);
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    publicUrl: e.PUBLIC_URL?.replace(/\/$/, ''),
    sessionSecret: e.SESSION_SECRET ?? readOrCreateSecret(dataDir),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    oidc:
      e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET
        ? { issuer: e.OIDC_ISSUER, clientId: e.OIDC_CLIENT_ID, clientSecret: e.OIDC_CLIENT_SECRET, name: e.OIDC_NAME }
        : undefined,
    mapStyleUrl: e.MAP_STYLE_URL,
    mapTiles: e.MAP_TILES ? (/^https?:\/\//.test(e.MAP_TILES) ? { url: e.MAP_TILES } : { file: path.resolve(e.MAP_TILES) }) : undefined,
    mapFonts: e.MAP_FONTS ? path.resolve(e.MAP_FONTS) : undefined,
    signup: { mode: e.SIGNUP, domains: (e.SIGNUP_DOMAINS ?? '').split(',').map((d) => d.trim().toLowerCase()).filter(Boolean) },
    demo: e.DEMO,
    logLevel: e.LOG_LEVEL,
    shutdownDrainMs: e.SHUTDOWN_DRAIN_MS,
    trustProxy: e.TRUST_PROXY?.split(',').map((a) => a.trim()),
    privacy: {
      controllerName: e.PRIVACY_CONTROLLER_NAME,
      controllerContact: e.PRIVACY_CONTROLLER_CONTACT,
      dpoContact: e.PRIVACY_DPO_CONTACT,
      retention: {
        registrationAnswersDays: e.RETENTION_REGISTRATION_ANSWERS_DAYS,
        boardNamesDays: e.RETENTION_BOARD_NAMES_DAYS,
        outboxDays: e.RETENTION_OUTBOX_DAYS,
        volunteerContactsDays: e.RETENTION_VOLUNTEER_CONTACTS_DAYS,
        auditYears: e.RETENTION_AUDIT_YEARS,
      },
    },
    validateResponses: e.VALIDATE_RESPONSES,
  };
}

/** A secret generated once and kept in DATA_DIR, so sessions survive restarts without set-up. */
function readOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600, flag: 'wx' });
  return secret;
}
