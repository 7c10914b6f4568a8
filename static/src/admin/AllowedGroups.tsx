import Button from '@atlaskit/button/default/button';
import { ErrorMessage, HelperMessage, Label } from '@atlaskit/form';
import Lozenge from '@atlaskit/lozenge';
import Textfield from '@atlaskit/textfield';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import { token } from '@atlaskit/tokens';
import { GroupMatchesList } from './GroupMatchesList';
import { useGroupMatches } from './hooks/useGroupMatches';
import { MAX_ALLOWED_GROUPS, MAX_GROUP_NAME } from './model/privacy-form';

interface Props {
  id: string;
  groups: readonly string[];
  /** Saved groups Jira has no group for: shown as such, so the admin removes or replaces them. */
  unknownGroups: readonly string[];
  draft: string;
  draftError: string | undefined;
  groupsError: string | undefined;
  checking: boolean;
  onDraft: (name: string) => void;
  onAdd: () => void;
  onPick: (name: string) => void;
  onRemove: (name: string) => void;
}

/**
 * The Jira groups allowed to see identity and revenue: a list with remove buttons, and a
 * field that offers Jira's groups matching what is typed.
 */
export function AllowedGroups({
  id,
  groups,
  unknownGroups,
  draft,
  draftError,
  groupsError,
  checking,
  onDraft,
  onAdd,
  onPick,
  onRemove
}: Props): JSX.Element {
  const full = groups.length >= MAX_ALLOWED_GROUPS;
  const listId = `${id}-list`;
  const listErrorId = `${id}-list-message`;
  const matches = useGroupMatches(full ? '' : draft);
  return (
    <Stack space="space.150">
      <Stack space="space.050">
        <Text as="p" weight="semibold" id={listId}>
          Allowed groups ({groups.length} of {MAX_ALLOWED_GROUPS})
        </Text>
        {groups.length === 0 ? (
          <Text as="p" color="color.text.subtle">
            No groups yet.
          </Text>
        ) : (
          <ul
            aria-labelledby={listId}
            aria-describedby={listErrorId}
            style={{ margin: 0, paddingInlineStart: 0, listStyle: 'none' }}
          >
            {groups.map((group) => (
              <li
                key={group}
                style={{ borderBlockEnd: `${token('border.width', '1px')} solid ${token('color.border')}` }}
              >
                <Box paddingBlock="space.050">
                  <Inline space="space.100" alignBlock="center" spread="space-between">
                    <Inline space="space.100" alignBlock="center">
                      <Text>{group}</Text>
                      {unknownGroups.includes(group) ? (
                        <Lozenge appearance="moved">Not a Jira group</Lozenge>
                      ) : null}
                    </Inline>
                    <Button
                      appearance="subtle"
                      spacing="compact"
                      onClick={() => onRemove(group)}
                      aria-label={`Remove ${group}`}
                    >
                      Remove
                    </Button>
                  </Inline>
                </Box>
              </li>
            ))}
          </ul>
        )}
        <Box id={listErrorId} aria-live="polite">
          {groupsError === undefined ? null : <ErrorMessage>{groupsError}</ErrorMessage>}
        </Box>
      </Stack>
      <Stack space="space.050">
        <Label htmlFor={id}>Find a Jira group</Label>
        <Inline space="space.100" alignBlock="start">
          <Box style={{ flexGrow: 1, maxWidth: '24rem' }}>
            <Textfield
              id={id}
              value={draft}
              onChange={(e) => onDraft(e.currentTarget.value)}
              onKeyDown={(e) => {
                // Enter adds the group rather than submitting the whole form.
                if (e.key === 'Enter') {
                  e.preventDefault();
                  onAdd();
                }
              }}
              isInvalid={draftError !== undefined}
              isDisabled={full}
              maxLength={MAX_GROUP_NAME}
              placeholder="Type part of a group’s name"
              autoComplete="off"
              aria-describedby={`${id}-message`}
            />
          </Box>
          <Button onClick={() => onAdd()} isDisabled={full} isLoading={checking}>
            Add group
          </Button>
        </Inline>
        <Box id={`${id}-message`} aria-live="polite">
          {draftError !== undefined ? (
            <ErrorMessage>{draftError}</ErrorMessage>
          ) : (
            <HelperMessage>
              {full
                ? `The list is full: remove a group to add another (at most ${MAX_ALLOWED_GROUPS}).`
                : 'Pick one of Jira’s groups below, or type its exact name and add it.'}
            </HelperMessage>
          )}
        </Box>
        <GroupMatchesList matches={matches} groups={groups} onPick={onPick} />
      </Stack>
    </Stack>
  );
}
