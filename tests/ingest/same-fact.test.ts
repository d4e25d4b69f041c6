import { describe, expect, it } from 'vitest';
import { sameFact } from '../../src/ingest/merge.js';
import type { Fact } from '../../src/records/schema.js';

const fact = (text: string, source = 'a'): Fact => ({ text, source });

describe('sameFact (is the incoming fact a twin of a stored one?)', () => {
  it('takes a rewording of the same report for a twin', () => {
    const stored = fact('Russian President Vladimir Putin proposed direct talks with Ukraine in Istanbul on May 15.');
    const incoming = fact('Putin proposed direct talks with Ukraine, to be held in Istanbul on May 15.', 'b');
    expect(sameFact(stored, incoming)).toBe(true);
  });

  it('keeps an incoming fact that states a figure the stored one lacks, however many names they share', () => {
    const stored = fact('US President Donald Trump and Russian President Vladimir Putin held a telephone conversation on Tuesday.');
    const incoming = fact('Russian President Vladimir Putin agreed to a 30-day pause in strikes during his conversation with US President Donald Trump on Tuesday.', 'b');
    expect(sameFact(stored, incoming)).toBe(false);
  });

  it('keeps an incoming fact whose figure differs from the stored one', () => {
    const stored = fact('The Russian side said it had recently returned 101 children to Ukraine.');
    const incoming = fact('The Russian side offered to return 10 children to Ukraine.', 'b');
    expect(sameFact(stored, incoming)).toBe(false);
  });

  it('keeps an incoming fact that says what the stored one says and much more', () => {
    const stored = fact('Mr Trump said he would call Ukrainian President Volodymyr Zelenskiy and European leaders to brief them.');
    const incoming = fact(
      'Mr Trump said he would call Ukrainian President Volodymyr Zelenskiy and European leaders to brief them, adding that it was now up to Kyiv to make a deal and accept territorial concessions demanded by Moscow.',
      'b',
    );
    expect(sameFact(stored, incoming)).toBe(false);
  });

  it('still takes a shorter incoming fact that the stored one contains for a twin', () => {
    const stored = fact(
      'Mr Trump said he would call Ukrainian President Volodymyr Zelenskiy and European leaders to brief them, adding that it was now up to Kyiv to make a deal and accept territorial concessions demanded by Moscow.',
    );
    const incoming = fact('Mr Trump said he would call Ukrainian President Volodymyr Zelenskiy and European leaders to brief them on the talks.', 'b');
    expect(sameFact(stored, incoming)).toBe(true);
  });
});
