import { useId, type ReactNode } from 'react';
import { Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import { token } from '@atlaskit/tokens';
import { RECOMPUTE_NOTE } from './hooks/useScoringForm';

interface Props {
  formulaVersion: number;
  settingsHash: string;
  /** A save happened on this page (the hash shown is the one just stored). */
  justSaved: boolean;
}

const inline = { display: 'inline', margin: 0 } as const;

/**
 * One named value: the term names its definition, so a screen reader says which number
 * it is reading, not just the number.
 */
function Entry({ term, children }: { term: string; children: ReactNode }): JSX.Element {
  const termId = useId();
  return (
    <div>
      <dt id={termId} style={inline}>
        {term}
      </dt>{' '}
      <dd aria-labelledby={termId} style={inline}>
        {children}
      </dd>
    </div>
  );
}

/**
 * Which formula and settings new scores are computed with. Every stored score records
 * the same two values, so a score can be traced to the settings that produced it.
 */
export function SettingsVersion({ formulaVersion, settingsHash, justSaved }: Props): JSX.Element {
  return (
    <Stack space="space.050">
      <Inline space="space.150" alignBlock="center" shouldWrap>
        <dl style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.150'), margin: 0 }}>
          <Entry term="Formula version">
            <Text weight="semibold">{formulaVersion}</Text>
          </Entry>
          <Entry term="Settings hash">
            <code
              style={{
                font: token('font.code'),
                color: token('color.text'),
                background: token('color.background.neutral')
              }}
            >
              {settingsHash}
            </code>
          </Entry>
        </dl>
        {justSaved ? (
          <Text weight="semibold" color="color.text.success">
            ✓ Saved
          </Text>
        ) : null}
      </Inline>
      <Text as="p" color="color.text.subtle" size="small">
        {RECOMPUTE_NOTE} Until then, an issue keeps the score it was last computed with.
      </Text>
    </Stack>
  );
}
