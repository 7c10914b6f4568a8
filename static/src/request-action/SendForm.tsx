import Button from '@atlaskit/button/default/button';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import type { UseMutationResult } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { PayloadOf } from '../../../src/contract/surfaces';
import type { IssueHit, RequestPrefillView, RequestSendView } from '../../../src/contract/views';
import { SEVERITIES, type Severity } from '../../../src/domain/vocabulary';
import { notify, type ApiError } from '../api';
import { describeError } from '../shared/error-copy';
import { EnumField } from '../shared/forms/EnumField';
import { TextAreaField } from '../shared/forms/TextAreaField';
import { TextInputField } from '../shared/forms/TextInputField';
import { SEVERITY_LABELS } from '../shared/labels';
import { SearchAndPick } from '../shared/search/SearchAndPick';
import type { Search } from '../shared/search/useLatestSearch';
import { usePicks } from '../shared/search/usePicks';

interface Props {
  view: RequestPrefillView;
  projectId: string;
  onProject: (projectId: string) => void;
  issueSearch: Search<IssueHit>;
  send: UseMutationResult<RequestSendView, ApiError, PayloadOf<'request/send'>>;
}

const issueIdOf = (hit: IssueHit): string => hit.issueId;

const SEVERITY_FROM: Record<RequestPrefillView['severityFrom'], string> = {
  project: 'From the request’s priority, as this project maps it.',
  preset: 'From the request’s priority (Jira Service Management’s usual mapping).',
  none: 'The request has no priority: choose one.'
};

function accountHelper(view: RequestPrefillView): string {
  if (view.account?.known) return 'The customer’s organization, as the evidence already names it.';
  if (view.account) return 'The customer’s organization: a new account in the evidence.';
  return 'No organization on the request: leave empty for an anonymous voice.';
}

/** The request's evidence, prefilled and editable, and the product issue it backs. */
export function SendForm({ view, projectId, onProject, issueSearch, send }: Props): JSX.Element {
  const [summary, setSummary] = useState(view.request.summary);
  const [quote, setQuote] = useState(view.request.quote);
  const [severity, setSeverity] = useState<Severity | ''>(view.severity);
  const [account, setAccount] = useState(view.account?.name ?? '');
  const [note, setNote] = useState('');
  const picks = usePicks(issueIdOf);
  const issue = picks.picked[0];
  // Another project maps priorities its own way: its severity replaces the one shown.
  useEffect(() => setSeverity(view.severity), [view.projectId, view.severity]);

  const failure = send.error;
  const fieldError = (path: string): string | undefined =>
    failure?.fieldIssues.find((issue) => issue.path === path || issue.path.startsWith(`${path}.`))?.message;

  if (send.data) {
    const sent = send.data;
    return (
      <Box role="status" testId="request-action-sent">
        <Stack space="space.100">
          <Text as="p" weight="semibold">
            Sent {sent.requestKey} to {sent.issueKey}.
          </Text>
          <Text as="p">
            The insight links back to the request, and {sent.issueKey} counts it as evidence.
          </Text>
        </Stack>
      </Box>
    );
  }

  const submit = async (): Promise<void> => {
    if (!issue || severity === '') return;
    const name = account.trim();
    try {
      const sent = await send.mutateAsync({
        projectId,
        issueId: issue.issueId,
        summary,
        quote,
        severity,
        ...(name ? { account: { name } } : {}),
        note
      });
      notify('success', `Sent to ${sent.issueKey}`);
    } catch (error) {
      notify('error', 'The request was not sent', describeError(error as ApiError, 'issue-evidence'));
    }
  };

  const projectLabels = Object.fromEntries(view.projects.map((p) => [p.id, `${p.name} (${p.key})`]));
  return (
    // Not a <form>: the issue search inside is one, and forms must not nest (a nested
    // form's submit would reach this one, or the browser would submit the page).
    <div role="form" aria-label={`Send ${view.request.issueKey} to customer evidence`}>
      <Stack space="space.150">
        <EnumField
          id="request-project"
          label="Product project"
          values={view.projects.map((p) => p.id)}
          labels={projectLabels}
          value={projectId}
          onChange={(value) => {
            if (value !== '') onProject(value);
          }}
          error={undefined}
          testId="request-project"
          required
        />
        <TextInputField
          id="request-summary"
          label="Summary"
          value={summary}
          onChange={setSummary}
          error={fieldError('summary')}
          testId="request-summary"
          required
        />
        <TextAreaField
          id="request-quote"
          label="Quote"
          value={quote}
          onChange={setQuote}
          error={fieldError('quote')}
          testId="request-quote"
          maxLength={5000}
        />
        <TextInputField
          id="request-account"
          label="Customer account"
          value={account}
          onChange={setAccount}
          error={fieldError('account')}
          helper={accountHelper(view)}
          testId="request-account"
        />
        <EnumField
          id="request-severity"
          label="Severity"
          values={SEVERITIES}
          labels={SEVERITY_LABELS}
          value={severity}
          onChange={setSeverity}
          error={fieldError('severity')}
          testId="request-severity"
          required
        />
        <Text size="small" color="color.text.subtle" testId="request-severity-from">
          {SEVERITY_FROM[view.severityFrom]}
        </Text>
        <SearchAndPick
          label="Product issue this is evidence for"
          placeholder="Issue key (CHK-12) or words in its summary"
          required
          search={issueSearch}
          picks={picks}
          describe={(hit) => (
            <Inline space="space.100" alignBlock="center">
              <Text weight="medium">{hit.key}</Text>
              <Text>{hit.summary}</Text>
            </Inline>
          )}
          resultsLabel="Matching issues"
          noMatches={(query) => `No issues match “${query}”.`}
          testId="request-issue-search"
          itemTestId="request-issue-hit"
        />
        <TextAreaField
          id="request-note"
          label="Why this is evidence (optional)"
          value={note}
          onChange={setNote}
          error={fieldError('note')}
          testId="request-note"
          maxLength={1000}
        />
        <Inline space="space.100">
          <Button
            appearance="primary"
            onClick={() => void submit()}
            isDisabled={!issue || severity === '' || send.isPending}
            testId="request-send"
          >
            {issue ? `Send to ${issue.key}` : 'Pick an issue to send to'}
          </Button>
        </Inline>
      </Stack>
    </div>
  );
}
