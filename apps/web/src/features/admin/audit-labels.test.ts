import i18n from 'i18next';
import { describe, expect, it } from 'vitest';
import '../../i18n/index.ts';
import { actionLabel, detailValue, fieldLabel, resourceTypeLabel } from './audit-labels.tsx';

const t = i18n.getFixedT('sv');

describe('the audit log in words (issue 13 §4)', () => {
  it('names the actions the server writes, and an unknown one in words too', () => {
    expect(actionLabel(t, 'session.start')).toBe('Loggade in');
    expect(actionLabel(t, 'board.note.merge')).toBe('Slog ihop lappar på en tavla');
    expect(actionLabel(t, 'service_point.import_create')).toBe('Lade till ett serviceställe genom import');
    expect(actionLabel(t, 'widget.do_thing')).toBe('Annan händelse: Widget – do thing');
    expect(actionLabel(t, 'space.frobnicate')).toBe('Annan händelse: Arena – frobnicate');
  });

  it('labels fields and kinds of objects, with a readable fallback', () => {
    expect(fieldLabel(t, 'municipalityCodes')).toBe('Kommunkoder');
    expect(fieldLabel(t, 'closedSomethingNew')).toBe('Closed something new');
    expect(resourceTypeLabel(t, 'service_point')).toBe('Serviceställe');
    expect(resourceTypeLabel(t, 'new_thing')).toBe('New thing');
  });

  it('writes values as text, never as JSON', () => {
    expect(detailValue(t, 'pinned', true)).toBe('ja');
    expect(detailValue(t, 'recipients', 1200)).toBe('1\u00a0200');
    expect(detailValue(t, 'municipalityCodes', ['2581', '2514'])).toBe('2581, 2514');
    expect(detailValue(t, 'fields', ['municipalityCodes', 'name'])).toBe('kommunkoder, namn');
    expect(detailValue(t, 'networkId', null)).toBe('inget');
    expect(detailValue(t, 'measuredOn', '2026-03-01')).toBe('1 mars 2026');
    const nested = detailValue(t, 'result', { created: 2, spaceId: 'abc' });
    expect(nested).toBe('Nya: 2; Arena (id): abc');
    expect(nested).not.toContain('{');
  });

  it('names the codes a value holds: how someone signed in, a role, a visibility', () => {
    expect(detailValue(t, 'method', 'password')).toBe('lösenord');
    expect(detailValue(t, 'method', 'magic_link')).toBe('e-postlänk');
    expect(detailValue(t, 'method', 'account_deletion')).toBe('kontot togs bort');
    expect(detailValue(t, 'role', 'facilitator')).toBe(t('space.role.facilitator').toLowerCase());
    expect(detailValue(t, 'role', 'facilitator')).not.toBe('facilitator');
    expect(detailValue(t, 'visibility', 'members')).toBe(t('space.visibility.members').toLowerCase());
    expect(detailValue(t, 'result', { method: 'qr' })).toBe('Sätt: QR-kod');
    // A code without a label, or a field whose values are not codes, stays as written.
    expect(detailValue(t, 'method', 'carrier_pigeon')).toBe('carrier_pigeon');
    expect(detailValue(t, 'role', 'Ordförande')).toBe('Ordförande');
    expect(detailValue(t, 'title', 'password')).toBe('password');
    expect(detailValue(t, 'title', 'constructor')).toBe('constructor');
    expect(detailValue(t, 'method', 'toString')).toBe('toString');
  });

  it('names a kind by what the entry is about, and a space’s join policy', () => {
    expect(detailValue(t, 'kind', 'municipal', 'space')).toBe(t('space.kind.municipal').toLowerCase());
    expect(detailValue(t, 'kind', 'municipal', 'space')).not.toBe('municipal');
    // The same word of another kind of object is not a space's kind.
    expect(detailValue(t, 'kind', 'municipal', 'library_item')).toBe('municipal');
    expect(detailValue(t, 'kind', 'municipal')).toBe('municipal');
    expect(detailValue(t, 'joinPolicy', 'invitation')).toBe(t('inviting.joinSpace.policy.invitation').toLowerCase());
    expect(detailValue(t, 'joinPolicy', 'invitation')).not.toBe('invitation');
  });
});
