import { describe, expect, it } from 'vitest';
import { dateSourceText } from '../../src/review/view.js';

describe('dateSourceText: where a draft’s date came from, in the review message’s words', () => {
  it('tells a day written without its year (the year guessed) from no date at all (the ingest time)', () => {
    expect(dateSourceText('ingest-time', '2026-02-18')).toBe('the article gives the day without its year: the year is a guess, check it');
    expect(dateSourceText('ingest-time', '2026-12-06T08:00:00Z')).toBe('no date found in the article: this is when it was ingested, check it');
    expect(dateSourceText('ingest-time')).toBe('no date found in the article: this is when it was ingested, check it');
    expect(dateSourceText('text', '2025-02-18')).toBe("date from the article's text");
  });
});
