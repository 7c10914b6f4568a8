import { token } from '@atlaskit/tokens';

interface Props {
  label: string;
  value: number;
  max: number;
  /** Read by screen readers, e.g. "3 of 10 rows". */
  valueText: string;
  failed?: boolean;
  testId?: string;
}

/** A thin determinate progress bar in design tokens, for imports and rescores. */
export function ProgressBar({ label, value, max, valueText, failed = false, testId }: Props): JSX.Element {
  const percent = max === 0 ? 100 : Math.round((value / max) * 100);
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={value}
      aria-valuetext={valueText}
      data-testid={testId}
      style={{
        height: token('space.100'),
        borderRadius: token('radius.full'),
        background: token('color.background.neutral'),
        overflow: 'hidden'
      }}
    >
      <div
        style={{
          width: `${percent}%`,
          height: '100%',
          background: failed ? token('color.background.danger.bold') : token('color.background.brand.bold'),
          transition: 'width 200ms ease-out'
        }}
      />
    </div>
  );
}
