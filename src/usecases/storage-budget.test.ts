import {
  chainShare,
  MIN_PAGE_ISSUES,
  nextPageSize,
  pageDelaySeconds,
  RUN_CHAINS,
  RUN_UNITS_PER_MINUTE,
  SWEEP_RESERVE_UNITS,
  unitsFor
} from './storage-budget';

describe('storage budget of a rescore run', () => {
  it('bills a request one unit per started 10 KB, at least one', () => {
    expect(unitsFor(0)).toBe(1);
    expect(unitsFor(10 * 1024)).toBe(1);
    expect(unitsFor(10 * 1024 + 1)).toBe(2);
  });

  it('gives every chain an equal share of half the quota, after the sweep reserve', () => {
    expect(chainShare() * RUN_CHAINS + SWEEP_RESERVE_UNITS).toBeLessThanOrEqual(RUN_UNITS_PER_MINUTE);
  });

  it('waits long enough that pages paced by it stay within the share in any minute', () => {
    const share = chainShare();
    // A chain of pages each costing a quarter of the share (what nextPageSize aims at).
    const page = { read: Math.floor(share / 4), write: 3 };
    const delay = pageDelaySeconds(page, share);
    const pagesInAMinute = Math.floor(60 / delay) + 1;
    expect(pagesInAMinute * page.read).toBeLessThanOrEqual(share);
    // Writes pace the chain when they weigh more than reads.
    expect(pageDelaySeconds({ read: 1, write: page.read }, share)).toBe(delay);
    expect(pageDelaySeconds({ read: 1000 * share, write: 0 }, share)).toBe(900);
  });

  it('sizes the next page to a quarter of the share, growing at most twofold', () => {
    const share = 200;
    expect(nextPageSize(20, { read: 10, write: 2 }, 100, share)).toBe(40);
    expect(nextPageSize(100, { read: 100, write: 20 }, 100, share)).toBe(50);
    expect(nextPageSize(100, { read: 1000, write: 20 }, 100, share)).toBe(MIN_PAGE_ISSUES);
    expect(nextPageSize(40, { read: 1, write: 1 }, 30, share)).toBe(30);
  });
});
