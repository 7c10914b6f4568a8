import type { Contribution } from './score';

/*
 * Zod-free on purpose: the issue panel renders these lines on first paint, and
 * ./score imports the settings schemas (zod). Only a type crosses back to ./score.
 */

/**
 * One line explaining a contribution, for the panel and for tooltips:
 * `+12.4 · Acme · critical · $240k ARR · 14 d`. ARR is omitted when zero, the insight
 * count is appended when the account has several, and age is shown in whole days.
 */
export function explainContribution(c: Contribution, currency = 'USD'): string {
  const parts = [`+${formatPoints(c.points)}`, c.accountName ?? c.accountKey ?? 'Anonymous', c.severity];
  if (c.arr > 0) parts.push(`${formatMoney(c.arr, currency)} ARR`);
  parts.push(`${Math.floor(c.ageDays)} d`);
  if (c.insightIds.length > 1) parts.push(`${c.insightIds.length} insights`);
  return parts.join(' · ');
}

function formatPoints(points: number): string {
  return points.toFixed(2).replace(/\.?0+$/, '');
}

function formatMoney(amount: number, currency: string): string {
  const compact = compactNumber(amount);
  const symbol = currencySymbol(currency);
  return symbol.length === 1 ? `${symbol}${compact}` : `${symbol} ${compact}`;
}

function compactNumber(n: number): string {
  const steps: [number, string][] = [
    [1e9, 'bn'],
    [1e6, 'm'],
    [1e3, 'k']
  ];
  for (const [size, suffix] of steps) {
    if (n >= size) return `${trimDecimal(n / size)}${suffix}`;
  }
  return trimDecimal(n);
}

function trimDecimal(n: number): string {
  return (n >= 100 ? n.toFixed(0) : n.toFixed(1)).replace(/\.0$/, '');
}

function currencySymbol(currency: string): string {
  try {
    const part = new Intl.NumberFormat('en', { style: 'currency', currency, currencyDisplay: 'narrowSymbol' })
      .formatToParts(0)
      .find((p) => p.type === 'currency');
    return part?.value ?? currency;
  } catch {
    // An unknown currency code is shown as-is rather than failing the whole panel.
    return currency;
  }
}
