import { useEffect, useId, useRef } from 'react';
import Button from '@atlaskit/button/default/button';
import SectionMessage from '@atlaskit/section-message';
import Textfield from '@atlaskit/textfield';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import { Label } from '@atlaskit/form';
import { notify } from '../api';
import type { ShownOnce } from './hooks/useIntakeSources';

interface Props {
  shown: ShownOnce;
  onDone: () => void;
}

/**
 * The URL and signing secret of a source just created or rotated. The secret lives in
 * Forge's secret storage and no read returns it: this panel is the only time it is
 * shown, and it says so. Focus moves here so the warning is read first.
 */
export function SecretShownOnce({ shown, onDone }: Props): JSX.Element {
  const id = useId();
  const region = useRef<HTMLDivElement>(null);
  useEffect(() => region.current?.focus(), [shown]);
  const { source, secret } = shown.view;
  const title = shown.kind === 'created' ? `${source.name} is ready` : `${source.name} has a new secret`;

  const copy = async (what: string, text: string): Promise<void> => {
    try {
      await navigator.clipboard.writeText(text);
      notify('success', `${what} copied`);
    } catch {
      notify(
        'warning',
        `Could not copy the ${what.toLowerCase()}`,
        'Select the text in its field and copy it.'
      );
    }
  };

  return (
    <div ref={region} tabIndex={-1} role="group" aria-labelledby={`${id}-title`}>
      <SectionMessage appearance="warning">
        <Stack space="space.150">
          <Text as="p" weight="semibold" id={`${id}-title`}>
            {title}
          </Text>
          <Text as="p">
            Copy the secret now: it will not be shown again. If it is lost, rotate it and give the sender the
            new one.
            {shown.kind === 'rotated'
              ? ' Deliveries signed with the old secret are refused from now on.'
              : ''}
          </Text>
          <CopyField
            id={`${id}-url`}
            label="Delivery URL"
            value={source.url}
            onCopy={() => void copy('URL', source.url)}
          />
          <CopyField
            id={`${id}-secret`}
            label="Signing secret"
            value={secret}
            onCopy={() => void copy('Secret', secret)}
          />
          <Box>
            <Button appearance="primary" onClick={onDone}>
              I have copied the secret
            </Button>
          </Box>
        </Stack>
      </SectionMessage>
    </div>
  );
}

function CopyField({
  id,
  label,
  value,
  onCopy
}: {
  id: string;
  label: string;
  value: string;
  onCopy: () => void;
}): JSX.Element {
  return (
    <Stack space="space.050">
      <Label htmlFor={id}>{label}</Label>
      <Inline space="space.100" alignBlock="center">
        <Box style={{ flexGrow: 1 }}>
          <Textfield
            id={id}
            value={value}
            isReadOnly
            isMonospaced
            onFocus={(e) => e.currentTarget.select()}
          />
        </Box>
        <Button onClick={onCopy}>Copy {label.toLowerCase()}</Button>
      </Inline>
    </Stack>
  );
}
