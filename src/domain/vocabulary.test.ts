import { SEVERITIES, severityRank } from './vocabulary';

describe('severityRank', () => {
  it('ranks low 0 … critical 3, in list order', () => {
    expect(SEVERITIES.map(severityRank)).toEqual([0, 1, 2, 3]);
    expect(severityRank('critical')).toBe(3);
  });
});
