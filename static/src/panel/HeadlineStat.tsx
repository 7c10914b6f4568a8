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

export function HeadlineStat({ label, value, detail, hidden = false, testId }: Props): JSX.Element {
  if (hidden) {
    return (
      <Stack space="space.025">
        <Text size="small" color="color.text.subtle">
          {label}
        </Text>
        <Text weight="semibold">
          <HiddenValue testId={testId} />
        </Text>
      </Stack>
    );
  }
  return (
    <Stack space="space.025">
      <Text size="small" color="color.text.subtle">
        {label}
      </Text>
      <span
        title={detail}
        aria-label={detail === undefined ? undefined : `${value} (${detail})`}
        data-testid={testId}
      >
        <Text weight="semibold">{value}</Text>
      </span>
    </Stack>
  );
}
