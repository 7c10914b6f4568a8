import { useEffect, useId, useRef } from 'react';
import Button from '@atlaskit/button/default/button';
import SectionMessage from '@atlaskit/section-message';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives/compiled';

interface Props {
  /** The server's words for what saving would do to the admin. */
  message: string;
  saving: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * Asks before a privacy change that hides account names and revenue from the admin
 * saving it. Focus moves here so the question is read before anything else is done.
 */
export function SelfMaskConfirm({ message, saving, onConfirm, onCancel }: Props): JSX.Element {
  const region = useRef<HTMLDivElement>(null);
  const id = useId();
  useEffect(() => region.current?.focus(), []);
  return (
    <div
      ref={region}
      tabIndex={-1}
      role="group"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-message`}
    >
      <SectionMessage appearance="warning">
        <Stack space="space.100">
          <Text as="p" weight="semibold" id={`${id}-title`}>
            Hide account names and revenue from yourself?
          </Text>
          <Text as="p" id={`${id}-message`}>
            {message}
          </Text>
          <Box>
            <Inline space="space.100">
              <Button appearance="warning" onClick={onConfirm} isLoading={saving}>
                Save and hide them from me
              </Button>
              <Button appearance="subtle" onClick={onCancel}>
                Cancel
              </Button>
            </Inline>
          </Box>
        </Stack>
      </SectionMessage>
    </div>
  );
}
