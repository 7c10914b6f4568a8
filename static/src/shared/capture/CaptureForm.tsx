import { useState, type FormEvent } from 'react';
import Button from '@atlaskit/button/default/button';
import Heading from '@atlaskit/heading';
import SectionMessage from '@atlaskit/section-message';
import { Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import type { Account } from '../../../../src/domain/account';
import { QUOTE_MAX, SUMMARY_MAX } from '../../../../src/domain/insight';
import {
  JOURNEY_STAGES,
  SEGMENTS,
  SENTIMENTS,
  SEVERITIES,
  SOURCE_KINDS
} from '../../../../src/domain/vocabulary';
import {
  JOURNEY_STAGE_LABELS,
  SEGMENT_LABELS,
  SENTIMENT_LABELS,
  SEVERITY_LABELS,
  SOURCE_KIND_LABELS
} from '../labels';
import type { ActionResult } from '../action-result';
import { EnumField } from '../forms/EnumField';
import { useEscape } from '../hooks/useEscape';
import { FieldRow } from '../forms/FieldRow';
import { TextAreaField } from '../forms/TextAreaField';
import { TextInputField } from '../forms/TextInputField';
import type { CapturePayload } from './capture-form';
import { FIND_ACCOUNTS } from './find-accounts';
import { AccountField } from './AccountField';
import { useAccountChoice } from './useAccountChoice';
import { useCaptureForm } from './useCaptureForm';

interface Props {
  onSubmit: (payload: CapturePayload) => ActionResult;
  onDone: () => void;
  /** Ask "why this is evidence" (the note of the link the form creates). Off for capture alone. */
  withNote?: boolean;
  title?: string;
  submitLabel?: string;
  /**
   * Offers stored accounts as the account is typed, through the issue panel's or the
   * project page's resolver; without it the account is plain text.
   */
  accountsFrom?: 'issue' | 'project';
}

const UNDECIDED_ACCOUNT = 'Pick a matching account, or choose “Create account” to add a new one.';

/**
 * Captures a new insight: on an issue, linked to it with a note ("Add evidence"); in the
 * project's library, on its own (`withNote={false}`), to wait in the inbox.
 */
export function CaptureForm({
  onSubmit,
  onDone,
  withNote = true,
  title = 'Add evidence',
  submitLabel = 'Add and link',
  accountsFrom
}: Props): JSX.Element {
  const {
    values: v,
    errors,
    formErrors,
    submitting,
    idOf,
    set,
    submit
  } = useCaptureForm(onSubmit, onDone, withNote);
  const account = useAccountChoice(
    accountsFrom === undefined ? undefined : FIND_ACCOUNTS[accountsFrom],
    v.accountName
  );
  const [accountUndecided, setAccountUndecided] = useState(false);
  const onKeyDown = useEscape<HTMLFormElement>(onDone, !submitting);
  const titleId = `${idOf('summary')}-title`;
  // A name no stored account has becomes a new account only when the user says so.
  const send = (event: FormEvent<HTMLFormElement>): void => {
    if (account.choice.kind === 'undecided') {
      event.preventDefault();
      setAccountUndecided(true);
      document.getElementById(idOf('accountName'))?.focus();
      return;
    }
    void submit(event);
  };
  const pick = (picked: Account): void => {
    set('accountName', picked.name);
    // The stored segment and revenue stand: show them rather than report a conflict.
    set('segment', picked.segment);
    set('arr', picked.arr > 0 ? String(picked.arr) : '');
    setAccountUndecided(false);
  };
  return (
    <form
      onSubmit={send}
      onKeyDown={onKeyDown}
      noValidate
      aria-labelledby={titleId}
      data-testid="capture-form"
    >
      <Stack space="space.150">
        <Heading size="xsmall" as="h3" id={titleId}>
          {title}
        </Heading>
        <TextInputField
          id={idOf('summary')}
          label="Summary"
          required
          maxLength={SUMMARY_MAX}
          value={v.summary}
          onChange={(x) => set('summary', x)}
          error={errors.summary}
          testId="capture-summary"
        />
        <TextAreaField
          id={idOf('quote')}
          label="Customer quote"
          helper="Their words, verbatim."
          maxLength={QUOTE_MAX}
          value={v.quote}
          onChange={(x) => set('quote', x)}
          error={errors.quote}
          testId="capture-quote"
        />
        <FieldRow>
          <EnumField
            id={idOf('sourceKind')}
            label="Source"
            required
            values={SOURCE_KINDS}
            labels={SOURCE_KIND_LABELS}
            value={v.sourceKind}
            onChange={(x) => x !== '' && set('sourceKind', x)}
            error={errors.sourceKind}
            testId="capture-source-kind"
          />
          <EnumField
            id={idOf('severity')}
            label="Severity"
            values={SEVERITIES}
            labels={SEVERITY_LABELS}
            value={v.severity}
            onChange={(x) => x !== '' && set('severity', x)}
            error={errors.severity}
            testId="capture-severity"
          />
          <EnumField
            id={idOf('sentiment')}
            label="Sentiment"
            values={SENTIMENTS}
            labels={SENTIMENT_LABELS}
            value={v.sentiment}
            onChange={(x) => x !== '' && set('sentiment', x)}
            error={errors.sentiment}
            testId="capture-sentiment"
          />
        </FieldRow>
        <TextInputField
          id={idOf('sourceUrl')}
          label="Source link"
          type="url"
          placeholder="https://"
          helper="http:// or https:// only."
          value={v.sourceUrl}
          onChange={(x) => set('sourceUrl', x)}
          error={errors.sourceUrl}
          testId="capture-source-url"
        />
        <FieldRow>
          <AccountField
            id={idOf('accountName')}
            value={v.accountName}
            onChange={(x) => {
              set('accountName', x);
              setAccountUndecided(false);
            }}
            onPick={pick}
            state={account}
            error={
              accountUndecided && account.choice.kind === 'undecided' ? UNDECIDED_ACCOUNT : errors.accountName
            }
          />
          <EnumField
            id={idOf('segment')}
            label="Segment"
            values={SEGMENTS}
            labels={SEGMENT_LABELS}
            value={v.segment}
            onChange={(x) => set('segment', x === '' ? 'unknown' : x)}
            error={errors.segment}
            testId="capture-segment"
          />
          <TextInputField
            id={idOf('arr')}
            label="ARR (USD)"
            placeholder="240000"
            value={v.arr}
            onChange={(x) => set('arr', x)}
            error={errors.arr}
            testId="capture-arr"
          />
        </FieldRow>
        <FieldRow>
          <EnumField
            id={idOf('journeyStage')}
            label="Journey stage"
            clearable
            values={JOURNEY_STAGES}
            labels={JOURNEY_STAGE_LABELS}
            value={v.journeyStage}
            onChange={(x) => set('journeyStage', x)}
            error={errors.journeyStage}
            testId="capture-journey-stage"
          />
          <TextInputField
            id={idOf('observedAt')}
            label="Observed on"
            required
            type="date"
            value={v.observedAt}
            onChange={(x) => set('observedAt', x)}
            error={errors.observedAt}
            testId="capture-observed-at"
          />
        </FieldRow>
        <TextInputField
          id={idOf('tags')}
          label="Tags"
          helper="Comma-separated, e.g. billing, export."
          value={v.tags}
          onChange={(x) => set('tags', x)}
          error={errors.tags}
          testId="capture-tags"
        />
        {withNote ? (
          <TextAreaField
            id={idOf('note')}
            label="Why this is evidence"
            maxLength={1000}
            value={v.note}
            onChange={(x) => set('note', x)}
            error={errors.note}
            testId="capture-note"
          />
        ) : null}
        {formErrors.length > 0 ? (
          <SectionMessage appearance="error" testId="capture-form-errors">
            {formErrors.map((m) => (
              <Text as="p" key={m}>
                {m}
              </Text>
            ))}
          </SectionMessage>
        ) : null}
        <Inline space="space.100">
          <Button type="submit" appearance="primary" isLoading={submitting} testId="capture-submit">
            {submitLabel}
          </Button>
          <Button appearance="subtle" onClick={onDone} isDisabled={submitting} testId="capture-cancel">
            Cancel
          </Button>
        </Inline>
      </Stack>
    </form>
  );
}
