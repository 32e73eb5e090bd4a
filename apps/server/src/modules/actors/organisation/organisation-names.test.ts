import { describe, expect, it } from 'vitest';
import { areSimilarNames, editDistance, normaliseName } from './organisation-names.ts';

describe('organisation names', () => {
  it('normalises case, punctuation and legal forms', () => {
    expect(normaliseName('Ammarnäs Byaförening, ek. för.')).toBe('ammarnäs byaförening');
    expect(normaliseName('ICA Nära Sorsele AB')).toBe('ica nära sorsele');
  });

  it('counts edits', () => {
    expect(editDistance('kommun', 'kommun', 2)).toBe(0);
    expect(editDistance('sorsele', 'sorsle', 2)).toBe(1);
    expect(editDistance('abc', 'xyz', 1)).toBe(2);
  });

  it('finds near-duplicates but keeps different organisations apart', () => {
    expect(areSimilarNames('Sorsele kommun', 'Sorsele Kommun')).toBe(true);
    expect(areSimilarNames('Ammarnäs byaförening', 'Ammarnäs Byaförening ek. för.')).toBe(true);
    expect(areSimilarNames('Hushållningssällskapet Norrbotten', 'Hushållningsällskapet Norrbotten')).toBe(true);
    expect(areSimilarNames('Sorsele kommun', 'Storuman kommun')).toBe(false);
    expect(areSimilarNames('Arjeplog kommun', 'Arvidsjaur kommun')).toBe(false);
    expect(areSimilarNames('Region Norrbotten', 'Region Västerbotten')).toBe(false);
  });
});
