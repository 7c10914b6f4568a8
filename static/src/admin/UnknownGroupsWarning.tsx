import SectionMessage from '@atlaskit/section-message';
import { Text } from '@atlaskit/primitives/compiled';

/**
 * Saved allowed groups Jira does not have (misspelt, renamed or deleted): they let nobody
 * through, which no one would notice from the list alone.
 */
export function UnknownGroupsWarning({ groups }: { groups: readonly string[] }): JSX.Element | null {
  if (groups.length === 0) return null;
  const names = groups.map((g) => `“${g}”`).join(', ');
  return (
    <SectionMessage appearance="warning" title="Some allowed groups are not Jira groups">
      <Text as="p">
        {`Jira has no group called ${names}, so nobody sees account names or ARR through ${
          groups.length === 1 ? 'it' : 'them'
        }. Remove ${groups.length === 1 ? 'it' : 'them'}, or pick the group’s current name below.`}
      </Text>
    </SectionMessage>
  );
}
