import { Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import { token } from '@atlaskit/tokens';
import { RECOMPUTE_NOTE } from './hooks/useScoringForm';

interface Props {
  formulaVersion: number;
  settingsHash: string;
  /** A save happened on this page (the hash shown is the one just stored). */
  justSaved: boolean;
}

/**
 * Which formula and settings new scores are computed with. Every stored score records
 * the same two values, so a score can be traced to the settings that produced it.
 */
export function SettingsVersion({ formulaVersion, settingsHash, justSaved }: Props): JSX.Element {
  return (
    <Stack space="space.050" testId="settings-version">
      <Inline space="space.150" alignBlock="center" shouldWrap>
        <Text>
          Formula version{' '}
          <Text weight="semibold" testId="settings-formula-version">
            {formulaVersion}
          </Text>
        </Text>
        <Text>
          Settings hash{' '}
          <code
            data-testid="settings-hash"
            style={{
              font: token('font.code'),
              color: token('color.text'),
              background: token('color.background.neutral')
            }}
          >
            {settingsHash}
          </code>
        </Text>
        {justSaved ? (
          <Text weight="semibold" color="color.text.success" testId="settings-saved">
            ✓ Saved
          </Text>
        ) : null}
      </Inline>
      <Text as="p" color="color.text.subtle" size="small" testId="settings-recompute-note">
        {RECOMPUTE_NOTE} Until then, an issue keeps the score it was last computed with.
      </Text>
    </Stack>
  );
}
