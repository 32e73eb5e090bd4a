import { describe, expect, it } from 'vitest';
import { hasControlCharacters, isWebUrl, line, webUrl } from './common.ts';

describe('shared string schemas', () => {
  it('refuses half a surrogate pair (no valid text; the database cannot store it), keeps whole ones', () => {
    for (const bad of ['<\uFEFF\uDFFF', 'a\uD83Cb', '\uDC00', 'slut\uD800']) expect(hasControlCharacters(bad), JSON.stringify(bad)).toBe(true);
    expect(hasControlCharacters('gran \uD83C\uDF32')).toBe(false);
  });
  it('finds control characters but lets tab and line breaks through', () => {
    for (const bad of ['\u0000', 'a\u0007b', '\u001b[2J', '\u007f', '\u000b', '\u000c'])
      expect(hasControlCharacters(bad), JSON.stringify(bad)).toBe(true);
    for (const good of ['Älvdalen', 'rad ett\nrad två\r\n\tindrag', '€ – ”citat” 🌲']) expect(hasControlCharacters(good)).toBe(false);
  });

  it('keeps a one-line value on one line', () => {
    expect(line().safeParse('  Byastämma  ').data).toBe('Byastämma');
    for (const bad of ['Två\nrader', 'CR\rLF', 'tab\there', 'sep\u2028arator'])
      expect(line().safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });

  it('accepts http(s) addresses only', () => {
    for (const good of ['https://example.se', 'http://example.se/a?b=c#d', 'HTTPS://EXAMPLE.SE']) expect(isWebUrl(good), good).toBe(true);
    for (const bad of [
      'javascript:alert(1)',
      'data:text/html,x',
      'vbscript:x',
      'file:///etc/passwd',
      'mailto:a@b.se',
      '//example.se',
      'https://',
      'https://exa mple.se',
      'https://a.se/\u0000',
    ]) {
      expect(isWebUrl(bad), bad).toBe(false);
    }
    expect(webUrl().safeParse('javascript:alert(1)').error?.issues[0]?.message).toBe('validation.url_scheme');
  });
});
