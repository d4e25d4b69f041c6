import { describe, expect, it } from 'vitest';
import { openQuotations } from '../../src/text/quotation.js';

describe('openQuotations', () => {
  it('counts curly quotes and guillemets that are still open', () => {
    expect(openQuotations('released the document “China’s Position')).toBe(1);
    expect(openQuotations('called it «magnificent» and “very large”')).toBe(0);
  });

  it('reads a straight quote as closing an open one, else opening one', () => {
    expect(openQuotations('he said "we will')).toBe(1);
    expect(openQuotations('he said "we will" and left')).toBe(0);
  });

  it('never goes below zero on a stray closing mark', () => {
    expect(openQuotations('end of a quote” and then “a new')).toBe(1);
  });
});
