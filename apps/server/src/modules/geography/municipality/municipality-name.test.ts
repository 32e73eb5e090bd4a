import { describe, expect, it } from 'vitest';
import { municipalityFullName } from './municipality-name.ts';

describe('municipalityFullName', () => {
  it('writes the genitive after a consonant, as in the municipalities’ own names', () => {
    expect(municipalityFullName('Älvdalen')).toBe('Älvdalens kommun');
    expect(municipalityFullName('Lilla Edet')).toBe('Lilla Edets kommun');
    expect(municipalityFullName('Malung-Sälen')).toBe('Malung-Sälens kommun');
    expect(municipalityFullName('Arjeplog')).toBe('Arjeplogs kommun');
  });

  it('adds no s after a vowel or after s, x and z', () => {
    expect(municipalityFullName('Ludvika')).toBe('Ludvika kommun');
    expect(municipalityFullName('Sorsele')).toBe('Sorsele kommun');
    expect(municipalityFullName('Umeå')).toBe('Umeå kommun');
    expect(municipalityFullName('Borås')).toBe('Borås kommun');
    expect(municipalityFullName('Överkalix')).toBe('Överkalix kommun');
  });

  it('knows the two that go their own way', () => {
    expect(municipalityFullName('Falun')).toBe('Falu kommun');
    expect(municipalityFullName('Gotland')).toBe('Region Gotland');
  });
});
