import type { ReactNode } from 'react';
import { Stack, Text } from '@atlaskit/primitives/compiled';
import { token } from '@atlaskit/tokens';

interface Props {
  legend: string;
  /** What these settings do to the score, in a sentence. */
  description: string;
  children: ReactNode;
}

/** A fieldset of related settings: its legend names the group for every field in it. */
export function FieldGroup({ legend, description, children }: Props): JSX.Element {
  return (
    <fieldset style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}>
      <Stack space="space.100">
        <legend style={{ padding: 0, font: token('font.heading.xsmall'), color: token('color.text') }}>
          {legend}
        </legend>
        <Text as="p" color="color.text.subtle">
          {description}
        </Text>
        {children}
      </Stack>
    </fieldset>
  );
}
