import { rollUpEvidence } from './rollup';

describe('rollUpEvidence', () => {
  it('unions by insightId, own copies winning, in stable order', () => {
    const own = [
      { insightId: 'a', from: 'epic' },
      { insightId: 'b', from: 'epic' }
    ];
    const descendants = [
      { insightId: 'c', from: 'story' },
      { insightId: 'a', from: 'story' },
      { insightId: 'd', from: 'subtask' },
      { insightId: 'c', from: 'subtask' }
    ];
    expect(rollUpEvidence(own, descendants)).toEqual([
      { insightId: 'a', from: 'epic' },
      { insightId: 'b', from: 'epic' },
      { insightId: 'c', from: 'story' },
      { insightId: 'd', from: 'subtask' }
    ]);
  });

  it('handles empty inputs without sharing arrays', () => {
    const own = [{ insightId: 'a' }];
    const out = rollUpEvidence(own, []);
    expect(out).toEqual(own);
    expect(out).not.toBe(own);
    expect(rollUpEvidence([], [])).toEqual([]);
  });
});
