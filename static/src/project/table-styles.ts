import type { CSSProperties } from 'react';
import { token } from '@atlaskit/tokens';

/** Cell styles of the page's tables, from design tokens (light and dark). */
export const CELL: CSSProperties = {
  padding: `${token('space.100')} ${token('space.100')}`,
  borderBottom: `${token('border.width')} solid ${token('color.border')}`,
  textAlign: 'start',
  verticalAlign: 'middle',
  font: token('font.body')
};
export const NUMERIC: CSSProperties = { ...CELL, textAlign: 'end', fontVariantNumeric: 'tabular-nums' };

export const HEAD: CSSProperties = {
  ...CELL,
  font: token('font.body.small'),
  fontWeight: token('font.weight.bold'),
  color: token('color.text.subtle'),
  borderBottomWidth: token('border.width.selected'),
  whiteSpace: 'nowrap'
};

/** Columns of the ranked table (for the expanded row's colSpan). */
export const RANKED_COLUMNS = 10;
