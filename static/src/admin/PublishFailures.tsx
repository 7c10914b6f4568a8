import SectionMessage from '@atlaskit/section-message';
import { Stack, Text } from '@atlaskit/primitives/compiled';
import { usePublishFailures } from './hooks/usePublishFailures';

/** Shown at most this many; the rest are counted. */
const SHOWN = 10;

/**
 * Issues whose customer impact Jira refused to store, again and again (typically the
 * app lost access to their project or security level): the admin can restore access;
 * the next publish clears the notice.
 */
export function PublishFailures(): JSX.Element | null {
  const failures = usePublishFailures();
  if (failures.length === 0) return null;
  return (
    <SectionMessage appearance="warning" title="Some scores could not be published to Jira">
      <Stack space="space.100">
        <Text as="p">
          Jira refused the customer-impact property for {failures.length}{' '}
          {failures.length === 1 ? 'issue' : 'issues'}. Check that the app can still browse and edit them (the
          atlassian-addons-project-access role and issue security levels).
        </Text>
        <ul aria-label="Issues not published">
          {failures.slice(0, SHOWN).map((failure) => (
            <li key={failure.issueId}>
              Issue {failure.issueId} in project {failure.projectId}: refused {failure.attempts} times, last
              on {new Date(failure.lastFailedAt).toLocaleString()}
            </li>
          ))}
        </ul>
        {failures.length > SHOWN ? <Text as="p">and {failures.length - SHOWN} more.</Text> : null}
      </Stack>
    </SectionMessage>
  );
}
