import Button from '@atlaskit/button/default/button';
import { ErrorMessage, HelperMessage, Label } from '@atlaskit/form';
import Textfield from '@atlaskit/textfield';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import { token } from '@atlaskit/tokens';
import { MAX_ALLOWED_GROUPS, MAX_GROUP_NAME } from './model/privacy-form';

interface Props {
  id: string;
  groups: readonly string[];
  draft: string;
  draftError: string | undefined;
  groupsError: string | undefined;
  onDraft: (name: string) => void;
  onAdd: () => void;
  onRemove: (name: string) => void;
}

/** The Jira groups allowed to see identity and revenue: a list with remove buttons and an add field. */
export function AllowedGroups({
  id,
  groups,
  draft,
  draftError,
  groupsError,
  onDraft,
  onAdd,
  onRemove
}: Props): JSX.Element {
  const full = groups.length >= MAX_ALLOWED_GROUPS;
  const listId = `${id}-list`;
  const listErrorId = `${id}-list-message`;
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
                    <Text>{group}</Text>
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
        <Label htmlFor={id}>Jira group name</Label>
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
              placeholder="e.g. customer-success"
              autoComplete="off"
              aria-describedby={`${id}-message`}
            />
          </Box>
          <Button onClick={() => onAdd()} isDisabled={full}>
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
                : 'The group’s name exactly as it appears in Jira administration.'}
            </HelperMessage>
          )}
        </Box>
      </Stack>
    </Stack>
  );
}
