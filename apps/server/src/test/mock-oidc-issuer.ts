import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';

export interface PendingLogin {
  nonce: string;
  codeChallenge: string;
  redirectUri: string;
  clientId: string;
  claims: Record<string, unknown>;
  /** Test hooks to misbehave: another nonce or audience in the ID token. */
  overrideNonce?: string;
  overrideAudience?: string;
}

/**
 * A small but real OpenID provider for tests: discovery, JWKS, authorization codes bound to
 * PKCE, RS256-signed ID tokens. The test plays the browser and the user.
 */
export class MockOidcIssuer {
  private server!: Server;
  private privateKey!: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
  private jwk!: JWK;
  private readonly codes = new Map<string, PendingLogin>();
  issuer = '';

  constructor(
    readonly clientId = 'samhandling-test',
    readonly clientSecret = 'test-client-secret',
  ) {}

  async start(): Promise<void> {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    this.privateKey = privateKey;
    this.jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.issuer = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** What the provider does when the user signs in at the authorization URL: issues a code. */
  authorize(authorizationUrl: string, claims: Record<string, unknown>, misbehave: Partial<Pick<PendingLogin, 'overrideNonce' | 'overrideAudience'>> = {}) {
    const url = new URL(authorizationUrl);
    const code = randomBytes(16).toString('hex');
    this.codes.set(code, {
      nonce: url.searchParams.get('nonce') ?? '',
      codeChallenge: url.searchParams.get('code_challenge') ?? '',
      redirectUri: url.searchParams.get('redirect_uri') ?? '',
      clientId: url.searchParams.get('client_id') ?? '',
      claims,
      ...misbehave,
    });
    return { code, state: url.searchParams.get('state') ?? '', redirectUri: url.searchParams.get('redirect_uri') ?? '' };
  }

  private async handle(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) {
    const url = new URL(req.url ?? '/', this.issuer);
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === '/.well-known/openid-configuration') {
      return json(200, {
        issuer: this.issuer,
        authorization_endpoint: `${this.issuer}/authorize`,
        token_endpoint: `${this.issuer}/token`,
        jwks_uri: `${this.issuer}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
        token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
      });
    }
    if (url.pathname === '/jwks') return json(200, { keys: [this.jwk] });
    if (url.pathname === '/token' && req.method === 'POST') {
      let raw = '';
      for await (const chunk of req) raw += chunk;
      const form = new URLSearchParams(raw);
      const basic = req.headers.authorization?.startsWith('Basic ')
        ? Buffer.from(req.headers.authorization.slice(6), 'base64').toString().split(':').map(decodeURIComponent)
        : [form.get('client_id'), form.get('client_secret')];
      if (basic[0] !== this.clientId || basic[1] !== this.clientSecret) return json(401, { error: 'invalid_client' });
      const login = this.codes.get(form.get('code') ?? '');
      this.codes.delete(form.get('code') ?? '');
      if (!login) return json(400, { error: 'invalid_grant' });
      const challenge = createHash('sha256').update(form.get('code_verifier') ?? '').digest('base64url');
      if (challenge !== login.codeChallenge || form.get('redirect_uri') !== login.redirectUri) return json(400, { error: 'invalid_grant' });
      const idToken = await new SignJWT({ ...login.claims, nonce: login.overrideNonce ?? login.nonce })
        .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
        .setIssuer(this.issuer)
        .setAudience(login.overrideAudience ?? this.clientId)
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(this.privateKey);
      return json(200, { access_token: randomBytes(16).toString('hex'), token_type: 'Bearer', expires_in: 300, id_token: idToken });
    }
    json(404, { error: 'not_found' });
  }
}
