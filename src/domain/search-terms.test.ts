import { insightTerms, matchesQuery, queryWords, termsDigest, textTerms } from './search-terms';

describe('search terms', () => {
  it('folds case and accents, drops stop words and one-letter words, keeps each word once', () => {
    expect(textTerms('The Café crashes; the CAFE app — a 2nd time, x')).toEqual([
      'cafe',
      'crashes',
      'app',
      '2nd',
      'time'
    ]);
  });

  it('indexes summary, quote, tags and account name', () => {
    const terms = insightTerms({
      summary: 'Export fails',
      quote: 'Ledger gaps',
      tags: ['month-end'],
      accountName: 'Zephyr Inc.'
    });
    expect(terms).toEqual(['export', 'fails', 'ledger', 'gaps', 'month', 'end', 'zephyr', 'inc']);
  });

  it('matches when every query word begins a term, longest word first', () => {
    const insight = { summary: 'Invoices export drops tax', quote: '', tags: [] };
    expect(queryWords('tax INVOIC')).toEqual(['invoic', 'tax']);
    expect(matchesQuery(queryWords('invoic tax'), insight)).toBe(true);
    expect(matchesQuery(queryWords('voices'), insight)).toBe(false);
    expect(matchesQuery(queryWords('invoice vat'), insight)).toBe(false);
  });

  it('gives the same digest for the same words, another when a word changes', () => {
    const a = { summary: 'Slow export', quote: '', tags: ['perf'] };
    expect(termsDigest(a)).toBe(termsDigest({ ...a, summary: 'slow  EXPORT!' }));
    expect(termsDigest(a)).not.toBe(termsDigest({ ...a, tags: ['performance'] }));
  });
});
