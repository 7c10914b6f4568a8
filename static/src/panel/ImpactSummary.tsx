import { useId, useState } from 'react';
import Button from '@atlaskit/button/default/button';
import Heading from '@atlaskit/heading';
import { Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import type { ImpactScore } from '../../../src/domain/scoring/score';
import { formatMoney, formatMoneyExact, formatNumber, formatRelative, formatDate } from '../shared/format';
import { HeadlineStat } from './HeadlineStat';
import { ScoreExplanation } from '../shared/evidence/ScoreExplanation';

interface Props {
  score: ImpactScore;
  /** ARR and per-account points are masked for this user (the backend sends zeros). */
  identityHidden: boolean;
}

/** The score as a big number, the headline figures, and the explanation one click away. */
export function ImpactSummary({ score, identityHidden }: Props): JSX.Element {
  const [open, setOpen] = useState(false);
  const explanationId = useId();
  const scoreLabelId = useId();
  const accounts =
    score.anonymousVoices > 0
      ? `${score.uniqueAccounts} + ${score.anonymousVoices} anonymous`
      : String(score.uniqueAccounts);
  return (
    <Stack space="space.150">
      <Inline space="space.200" alignBlock="end" shouldWrap>
        {/* Named by its label, so the big number is read as "Customer impact, 15.2". */}
        <div role="group" aria-labelledby={scoreLabelId}>
          <Stack space="space.025">
            <Text id={scoreLabelId} size="small" color="color.text.subtle">
              Customer impact
            </Text>
            <Heading size="xlarge" as="div" testId="impact-score">
              {formatNumber(score.score)}
            </Heading>
          </Stack>
        </div>
        <Button
          appearance="subtle"
          spacing="compact"
          onClick={() => setOpen((o) => !o)}
          aria-expanded={open}
          aria-controls={explanationId}
          testId="explanation-toggle"
        >
          {open ? 'Hide breakdown' : 'Why this score?'}
        </Button>
      </Inline>
      <Inline space="space.300" shouldWrap>
        <HeadlineStat label="Accounts" value={accounts} testId="stat-accounts" />
        <HeadlineStat
          label="ARR at stake"
          value={formatMoney(score.arrAtStake)}
          detail={formatMoneyExact(score.arrAtStake)}
          hidden={identityHidden}
          testId="stat-arr"
        />
        <HeadlineStat label="Insights" value={String(score.insightCount)} testId="stat-insights" />
        {score.lastEvidenceAt === undefined ? null : (
          <HeadlineStat
            label="Newest evidence"
            value={formatRelative(score.lastEvidenceAt)}
            detail={formatDate(score.lastEvidenceAt)}
            testId="stat-newest"
          />
        )}
      </Inline>
      {open ? <ScoreExplanation id={explanationId} score={score} identityHidden={identityHidden} /> : null}
    </Stack>
  );
}
