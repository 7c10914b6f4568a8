import type { CSSProperties } from 'react';
import { token } from '@atlaskit/tokens';

/** Cells of the intake tables, from design tokens (light and dark). */
export const CELL: CSSProperties = {
  padding: token('space.100'),
  borderBottom: `${token('border.width')} solid ${token('color.border')}`,
  textAlign: 'start',
  verticalAlign: 'top',
  font: token('font.body')
};
export const NUMERIC: CSSProperties = { ...CELL, textAlign: 'end', fontVariantNumeric: 'tabular-nums' };
export const HEAD: CSSProperties = {
  ...CELL,
  font: token('font.body.small'),
  fontWeight: token('font.weight.bold'),
  color: token('color.text.subtle'),
  whiteSpace: 'nowrap'
};
export const TABLE: CSSProperties = { width: '100%', borderCollapse: 'collapse' };
