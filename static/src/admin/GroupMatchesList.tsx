import Button from '@atlaskit/button/default/button';
import { Box, Inline, Text } from '@atlaskit/primitives/compiled';
import { token } from '@atlaskit/tokens';
import { describeError } from '../shared/error-copy';
import type { GroupMatches } from './hooks/useGroupMatches';

interface Props {
  matches: GroupMatches;
  /** Groups already allowed: offered as added, not again. */
  groups: readonly string[];
  onPick: (name: string) => void;
}

/** Jira's groups matching what was typed, each added with its own button. */
export function GroupMatchesList({ matches, groups, onPick }: Props): JSX.Element | null {
  if (matches.status === 'idle') return null;
  if (matches.status === 'searching')
    return (
      <Text size="small" color="color.text.subtle">
        Looking up Jira’s groups…
      </Text>
    );
  if (matches.status === 'error')
    return (
      <Text size="small" color="color.text.subtle">
        {`Jira’s groups could not be listed: ${describeError(matches.error, 'settings')}`}
      </Text>
    );
  if (matches.groups.length === 0)
    return (
      <Text size="small" color="color.text.subtle">
        {`No Jira group’s name contains “${matches.query}”.`}
      </Text>
    );
  const added = new Set(groups.map((g) => g.toLowerCase()));
  return (
    <Box
      as="ul"
      aria-label="Matching Jira groups"
      style={{
        margin: 0,
        paddingInlineStart: 0,
        listStyle: 'none',
        display: 'flex',
        flexWrap: 'wrap',
        gap: token('space.050')
      }}
    >
      {matches.groups.map((group) => (
        <Box as="li" key={group.groupId ?? group.name}>
          {added.has(group.name.toLowerCase()) ? (
            <Inline space="space.050" alignBlock="center">
              <Text size="small" color="color.text.subtle">{`${group.name} (added)`}</Text>
            </Inline>
          ) : (
            <Button spacing="compact" onClick={() => onPick(group.name)} aria-label={`Add ${group.name}`}>
              {group.name}
            </Button>
          )}
        </Box>
      ))}
    </Box>
  );
}
