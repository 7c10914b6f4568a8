import { useId, type ReactNode } from 'react';
import Heading from '@atlaskit/heading';
import { Box, Stack, Text } from '@atlaskit/primitives/compiled';
import { token } from '@atlaskit/tokens';

interface Props {
  title: string;
  description: ReactNode;
  children: ReactNode;
}

/** One titled, bordered part of the settings page (a landmark named by its heading). */
export function SettingsSection({ title, description, children }: Props): JSX.Element {
  const headingId = useId();
  return (
    <section
      aria-labelledby={headingId}
      style={{
        border: `${token('border.width', '1px')} solid ${token('color.border')}`,
        borderRadius: token('radius.medium', '6px'),
        background: token('elevation.surface')
      }}
    >
      <Box padding="space.300">
        <Stack space="space.200">
          <Stack space="space.075">
            <Heading size="medium" as="h2" id={headingId}>
              {title}
            </Heading>
            <Text as="p" color="color.text.subtle">
              {description}
            </Text>
          </Stack>
          {children}
        </Stack>
      </Box>
    </section>
  );
}
