/**
 * Number and date formatting for the UI. Pure and locale-aware; `now` is a parameter
 * so tests do not depend on the clock.
 */

/**
 * One formatter per set of options, made on first use and kept: building an Intl
 * formatter costs far more than formatting with one (a panel of twenty cards built
 * dozens, on the main thread of its first render). They only hold their options.
 */
function kept<K, F>(make: (key: K) => F): (key: K) => F {
  const made = new Map<K, F>();
  return (key) => {
    let formatter = made.get(key);
    if (formatter === undefined) {
      formatter = make(key);
      made.set(key, formatter);
    }
    return formatter;
  };
}

function once<F>(make: () => F): () => F {
  let made: F | undefined;
  return () => (made ??= make());
}

const moneyExact = kept(
  (currency: string) => new Intl.NumberFormat('en', { style: 'currency', currency, maximumFractionDigits: 0 })
);
const decimals = kept((digits: number) => new Intl.NumberFormat('en', { maximumFractionDigits: digits }));
const relative = once(() => new Intl.RelativeTimeFormat('en', { numeric: 'auto' }));
const day = once(
  () => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
);

const COMPACT_STEPS: readonly (readonly [number, string])[] = [
  [1e12, 'T'],
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'k']
];

/** `$1.2M`, `$240k`, `$950`: ARR at a glance; the exact figure goes in a tooltip. */
export function formatMoney(amount: number, currency = 'USD'): string {
  const symbol = currency === 'USD' ? '$' : `${currency} `;
  if (!Number.isFinite(amount) || amount <= 0) return `${symbol}0`;
  for (const [size, suffix] of COMPACT_STEPS) {
    if (amount >= size) return `${symbol}${trimDecimal(amount / size)}${suffix}`;
  }
  return `${symbol}${Math.round(amount)}`;
}

/** `$1,234,567` for tooltips and screen readers. */
export function formatMoneyExact(amount: number, currency = 'USD'): string {
  return moneyExact(currency).format(Number.isFinite(amount) ? amount : 0);
}

function trimDecimal(n: number): string {
  return (n >= 100 ? n.toFixed(0) : n.toFixed(1)).replace(/\.0$/, '');
}

/** Score and factor numbers: at most `digits` decimals, no trailing zeros. */
export function formatNumber(n: number, digits = 2): string {
  return decimals(digits).format(n);
}

const RELATIVE_STEPS: readonly (readonly [Intl.RelativeTimeFormatUnit, number])[] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60]
];

/** `3 days ago`, `yesterday`, `just now`; an unparseable date is shown as given. */
export function formatRelative(iso: string, now: Date = new Date()): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  const seconds = Math.round((at - now.getTime()) / 1000);
  for (const [unit, size] of RELATIVE_STEPS) {
    if (Math.abs(seconds) >= size) return relative().format(Math.trunc(seconds / size), unit);
  }
  return 'just now';
}

/** `12 Mar 2025`, in UTC so a date-only observation never shifts a day. */
export function formatDate(iso: string): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  return day().format(at);
}

/** Today as `YYYY-MM-DD` in the user's time zone, for a date input's default value. */
export function todayIsoDate(now: Date = new Date()): string {
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}
