import { importedObservedAt } from './import-dates';
import { InsightInputSchema } from './insight';

const observedAt = (cell: string): string | undefined => {
  const parsed = InsightInputSchema.safeParse({
    summary: 'S',
    sourceKind: 'ticket',
    observedAt: importedObservedAt(cell)
  });
  return parsed.success ? parsed.data.observedAt : undefined;
};

describe('imported observed-at dates', () => {
  it("accepts Zendesk's native date format, in UTC", () => {
    expect(observedAt('2025-05-01 09:12:00 UTC')).toBe('2025-05-01T09:12:00.000Z');
    expect(observedAt(' 2025-05-01 09:12:00 utc ')).toBe('2025-05-01T09:12:00.000Z');
  });

  it('reads a date and time without a zone as UTC', () => {
    expect(observedAt('2025-05-01 09:12')).toBe('2025-05-01T09:12:00.000Z');
    expect(observedAt('2025-05-01 09:12:30')).toBe('2025-05-01T09:12:30.000Z');
  });

  it('keeps a numeric offset', () => {
    expect(observedAt('2025-05-01 09:12:00 +02:00')).toBe('2025-05-01T07:12:00.000Z');
    expect(observedAt('2025-05-01 09:12 -0700')).toBe('2025-05-01T16:12:00.000Z');
  });

  it('leaves ISO dates as they were and still refuses impossible or ambiguous ones', () => {
    expect(observedAt('2025-05-01')).toBe('2025-05-01T00:00:00.000Z');
    expect(observedAt('2025-05-01T09:12:00+01:00')).toBe('2025-05-01T08:12:00.000Z');
    expect(observedAt('2025-02-30 09:12:00 UTC')).toBeUndefined();
    expect(observedAt('2025-05-01 25:12:00 UTC')).toBeUndefined();
    expect(observedAt('05/01/2025 09:12')).toBeUndefined();
    expect(observedAt('2025-05-01 09:12 PST')).toBeUndefined();
  });
});
