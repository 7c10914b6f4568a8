import { token } from '@atlaskit/tokens';
import { formatNumber } from '../shared/format';
// The arrow itself is decorative; the word for screen readers is visually hidden.
import { VISUALLY_HIDDEN } from '../shared/visually-hidden';

/**
 * A score's change as an arrow, a signed delta and a word for screen readers: the
 * colour repeats what the text says, so it is never the only signal.
 */
export function ScoreChange({ current, preview }: { current: number; preview: number }): JSX.Element {
  // Scores are stored to 2 decimals; compare in hundredths so float noise is no change.
  const hundredths = Math.round(preview * 100) - Math.round(current * 100);
  if (hundredths === 0) {
    return (
      <span data-direction="same" style={{ color: token('color.text.subtle') }}>
        No change
      </span>
    );
  }
  const up = hundredths > 0;
  const delta = formatNumber(Math.abs(hundredths) / 100);
  return (
    <span
      data-direction={up ? 'up' : 'down'}
      style={{
        color: token(up ? 'color.text.success' : 'color.text.danger'),
        fontWeight: token('font.weight.semibold')
      }}
    >
      <span aria-hidden="true">{up ? '↑' : '↓'} </span>
      <span style={VISUALLY_HIDDEN}>{up ? 'Up by ' : 'Down by '}</span>
      {up ? '+' : '−'}
      {delta}
    </span>
  );
}
