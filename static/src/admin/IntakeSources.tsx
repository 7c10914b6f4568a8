import { useEffect, useRef, useState } from 'react';
import Button from '@atlaskit/button/default/button';
import { Box, Stack, Text } from '@atlaskit/primitives/compiled';
import { LoadingState } from './LoadingState';
import { IntakeSourceForm } from './IntakeSourceForm';
import { IntakeSourceRow } from './IntakeSourceRow';
import { SecretShownOnce } from './SecretShownOnce';
import { SettingsSection } from './SettingsSection';
import { useIntakeSources } from './hooks/useIntakeSources';
import { HEAD, TABLE } from './intake-table-styles';

/**
 * Where support tools send evidence by themselves: the sources, each with the URL it
 * posts to and its delivery log, and the forms to add one, rotate its secret and turn
 * it off or on.
 */
export function IntakeSources(): JSX.Element {
  const intake = useIntakeSources();
  const [adding, setAdding] = useState(false);
  const addButton = useRef<HTMLButtonElement>(null);
  const { load } = intake;

  // A cancelled form gives focus back to the button that opened it, once it is back.
  const returnFocus = useRef(false);
  useEffect(() => {
    if (adding || !returnFocus.current) return;
    returnFocus.current = false;
    addButton.current?.focus();
  }, [adding]);
  const closeForm = (): void => {
    returnFocus.current = true;
    setAdding(false);
  };

  return (
    <SettingsSection
      title="Evidence intake"
      description="A source is where a support tool — Zendesk, Intercom, Jira Service Management or any JSON webhook — posts evidence. Each delivery is signed with the source’s secret, and its items land in the inbox of the source’s project."
    >
      {intake.shownOnce !== null ? (
        <SecretShownOnce shown={intake.shownOnce} onDone={intake.dismissShownOnce} />
      ) : null}
      {load.status === 'loading' ? <LoadingState /> : null}
      {load.status === 'error' ? (
        <Stack space="space.100">
          <Text as="p">The intake sources didn’t load: {load.error.message}</Text>
          <Box>
            <Button onClick={intake.reload}>Try again</Button>
          </Box>
        </Stack>
      ) : null}
      {load.status === 'ready' && load.data.length === 0 && !adding ? (
        <Text as="p">
          No sources yet. Add one, give its URL and secret to the support tool, and sign each delivery as the
          README’s “Evidence intake” section shows (an HMAC-SHA256 of the timestamp and the body).
        </Text>
      ) : null}
      {load.status === 'ready' && load.data.length > 0 ? (
        <table style={TABLE} aria-label="Intake sources">
          <thead>
            <tr>
              <th style={HEAD}>Name</th>
              <th style={HEAD}>Project</th>
              <th style={HEAD}>Format</th>
              <th style={HEAD}>Status</th>
              <th style={HEAD}>Secret set</th>
              <th style={HEAD}>Actions</th>
            </tr>
          </thead>
          <tbody>
            {load.data.map((source) => (
              <IntakeSourceRow
                key={source.sourceId}
                source={source}
                busy={intake.busy}
                onRotate={intake.rotate}
                onSetStatus={intake.setStatus}
              />
            ))}
          </tbody>
        </table>
      ) : null}
      {adding ? (
        <IntakeSourceForm
          onCancel={closeForm}
          onCreate={async (payload) => {
            const problem = await intake.create(payload);
            if (problem === null) setAdding(false);
            return problem;
          }}
        />
      ) : (
        <Box>
          <Button ref={addButton} onClick={() => setAdding(true)}>
            Add source
          </Button>
        </Box>
      )}
    </SettingsSection>
  );
}
