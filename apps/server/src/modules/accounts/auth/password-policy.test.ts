import { describe, expect, it } from 'vitest';
import { commonPasswords, passwordProblem } from './password-policy.ts';

describe('the shipped list of leaked passwords', () => {
  it('is loaded whole: every password of 10+ characters from the source list', () => {
    const list = commonPasswords();
    expect(list.size).toBe(45_343);
    for (const known of ['password12', 'qwertyuiop', '1234567890', 'iloveyou123', 'password123']) expect(list.has(known), known).toBe(true);
    for (const word of list) expect([...word].length).toBeGreaterThanOrEqual(10);
  });
});

describe('passwordProblem', () => {
  const email = 'anna.berg@kommun.example';
  it('refuses listed passwords whatever their case', () => {
    expect(passwordProblem('Password12', email)).toBe('errors.password_common');
    expect(passwordProblem('QWERTYUIOP', email)).toBe('errors.password_common');
  });
  it('refuses the address, the name before @ and the platform name, also with other separators', () => {
    for (const pw of ['anna.berg@kommun.example', 'anna.berg-1984', 'AnnaBerg2026!', 'anna_berg_lösen', 'Samhandling!!', 'mitt-samhandling-konto']) {
      expect(passwordProblem(pw, email), pw).toBe('errors.password_personal');
    }
  });
  it('accepts a password of its own, and the passwords the tests and the demo use', () => {
    expect(passwordProblem('fjällbjörk-och-myr', email)).toBeUndefined();
    expect(passwordProblem('correct-horse-battery', email)).toBeUndefined();
    expect(passwordProblem('admin-rutan-2026', 'admin@example.org')).toBe('errors.password_personal');
    expect(passwordProblem('e2e-Password-123', 'admin@example.org')).toBeUndefined();
  });
  it('does not let a very short name before @ rule out everything', () => {
    expect(passwordProblem('a-long-passphrase', 'a@example.org')).toBeUndefined();
  });
});
