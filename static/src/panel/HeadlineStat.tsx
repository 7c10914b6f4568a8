import { useId } from 'react';
import { Stack, Text } from '@atlaskit/primitives/compiled';
import { HiddenValue } from '../shared/HiddenValue';

interface Props {
  label: string;
  value: string;
  /**
   * The exact figure behind a rounded value. A native title rather than an Atlaskit
   * Tooltip: Tooltip brings Popper and the top-layer runtime (~35 KB gzip) into the
   * panel's first paint for one hover hint.
   */
  detail?: string;
  /** The value is masked for this user (privacy settings): say so instead of showing it. */
  hidden?: boolean;
  testId: string;
}

/** A figure named by its label, so a screen reader reads them as one ("ARR at stake, $1.2M"). */
export function HeadlineStat({ label, value, detail, hidden = false, testId }: Props): JSX.Element {
  const labelId = useId();
  return (
    <div role="group" aria-labelledby={labelId}>
      <Stack space="space.025">
        <Text id={labelId} size="small" color="color.text.subtle">
          {label}
        </Text>
        {hidden ? (
          <Text weight="semibold">
            <HiddenValue testId={testId} />
          </Text>
        ) : (
          <span
            title={detail}
            aria-label={detail === undefined ? undefined : `${value} (${detail})`}
            data-testid={testId}
          >
            <Text weight="semibold">{value}</Text>
          </span>
        )}
      </Stack>
    </div>
  );
}
