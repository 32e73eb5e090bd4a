import { describe, expect, it } from 'vitest';
import { consentLink, consentToken, readConsentToken } from './consent-link.ts';

const SECRET = 'test-secret-test-secret-test-secret-1234';
const ID = '0b6c1c1e-5d55-4c1a-9a53-0c8a3b7f5e21';

describe('consent withdrawal links', () => {
  it('names the consent it was made for', () => {
    expect(readConsentToken(SECRET, consentToken(SECRET, 'registration', ID))).toEqual({ kind: 'registration', id: ID });
    expect(consentLink('https://x.example', SECRET, 'input', ID)).toMatch(/^https:\/\/x\.example\/consent#token=input\.0b6c1c1e-[^.]+\.[A-Za-z0-9_-]{43}$/);
  });

  it('refuses a token signed with another secret, moved to another record or kind, or malformed', () => {
    const token = consentToken(SECRET, 'registration', ID);
    const [, , sig] = token.split('.');
    expect(readConsentToken('another-secret-another-secret-123456', token)).toBeUndefined();
    expect(readConsentToken(SECRET, `registration.1b6c1c1e-5d55-4c1a-9a53-0c8a3b7f5e21.${sig}`)).toBeUndefined();
    expect(readConsentToken(SECRET, `input.${ID}.${sig}`)).toBeUndefined();
    expect(readConsentToken(SECRET, `person.${ID}.${sig}`)).toBeUndefined();
    expect(readConsentToken(SECRET, `${token}.x`)).toBeUndefined();
    expect(readConsentToken(SECRET, '')).toBeUndefined();
  });
});
