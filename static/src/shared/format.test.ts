import { formatDate, formatMoney, formatRelative, todayIsoDate } from './format';

it('formats ARR compactly', () => {
  expect(formatMoney(0)).toBe('$0');
  expect(formatMoney(950)).toBe('$950');
  expect(formatMoney(240_000)).toBe('$240k');
  expect(formatMoney(1_234_567)).toBe('$1.2M');
  expect(formatMoney(3_000_000_000)).toBe('$3B');
  expect(formatMoney(Number.NaN)).toBe('$0');
});

it('formats dates relative to now', () => {
  const now = new Date('2025-06-15T12:00:00Z');
  expect(formatRelative('2025-06-15T11:59:30Z', now)).toBe('just now');
  expect(formatRelative('2025-06-14T12:00:00Z', now)).toBe('yesterday');
  expect(formatRelative('2025-06-12T12:00:00Z', now)).toBe('3 days ago');
  expect(formatRelative('not a date', now)).toBe('not a date');
});

it('formats a date-only observation without shifting the day', () => {
  expect(formatDate('2025-06-01T00:00:00.000Z')).toBe('1 Jun 2025');
  expect(todayIsoDate(new Date('2025-06-15T12:00:00Z'))).toMatch(/^2025-06-1[456]$/);
});
