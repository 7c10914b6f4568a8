import { useId, useMemo, useState } from 'react';
import Button from '@atlaskit/button/default/button';
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import { token } from '@atlaskit/tokens';
import type { RankedIssueView } from '../../../../src/contract/views';
import { formatNumber } from '../../shared/format';
import { HIDDEN_REASON } from '../../shared/HiddenValue';
import { chartCaption, countedRows, impactBy, type ChartDimension } from './model/chart-data';
import type { LevelFilter } from './model/ranked-filters';

interface Props {
  rows: readonly RankedIssueView[];
  /** Which of the listed rows to count (see countedRows). */
  level: LevelFilter;
}

const BAR_HEIGHT = 22;
const GAP = 8;
const LABEL_WIDTH = 130;
const VALUE_WIDTH = 70;
const WIDTH = 560;

/**
 * Where the counted issues' impact comes from, by segment or by journey stage: a bar
 * chart drawn by hand in SVG (no chart library), with token colours and every bar's
 * label and value written out, so it reads without hovering and for screen readers.
 */
export function ImpactChart({ rows, level }: Props): JSX.Element {
  const [dimension, setDimension] = useState<ChartDimension>('segment');
  const counted = useMemo(() => countedRows(rows, level), [rows, level]);
  const bars = useMemo(() => impactBy(counted, dimension), [counted, dimension]);
  const titleId = useId();
  const max = Math.max(0, ...bars.map((b) => b.value));
  const plot = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const height = bars.length * (BAR_HEIGHT + GAP);
  const what = dimension === 'segment' ? 'segment' : 'journey stage';
  const hidden = rows.some((row) => row.identityHidden === true);
  return (
    <Box
      padding="space.200"
      backgroundColor="elevation.surface.raised"
      testId="impact-chart"
      style={{
        border: `${token('border.width')} solid ${token('color.border')}`,
        borderRadius: token('radius.medium')
      }}
    >
      <Stack space="space.150">
        <Inline space="space.100" spread="space-between" alignBlock="center" shouldWrap>
          <Heading size="xsmall" as="h3" id={titleId}>
            Impact by {what} · {counted.length} issue{counted.length === 1 ? '' : 's'} counted
          </Heading>
          <Inline space="space.050" role="group" aria-label="Break impact down by">
            <Button
              spacing="compact"
              isSelected={dimension === 'segment'}
              aria-pressed={dimension === 'segment'}
              onClick={() => setDimension('segment')}
              testId="chart-by-segment"
            >
              Segment
            </Button>
            <Button
              spacing="compact"
              isSelected={dimension === 'stage'}
              aria-pressed={dimension === 'stage'}
              onClick={() => setDimension('stage')}
              testId="chart-by-stage"
            >
              Journey stage
            </Button>
          </Inline>
        </Inline>
        {hidden ? (
          // Points by segment or stage can add up to one customer's points: masked like ARR.
          <Text color="color.text.subtle" testId="chart-hidden">
            {`Impact by ${what} is hidden. ${HIDDEN_REASON}.`}
          </Text>
        ) : bars.length === 0 ? (
          <Text color="color.text.subtle" testId="chart-empty">
            No breakdown for the issues shown.
          </Text>
        ) : (
          <svg
            role="img"
            aria-labelledby={titleId}
            aria-describedby={`${titleId}-desc`}
            viewBox={`0 0 ${WIDTH} ${height}`}
            width="100%"
            style={{ maxWidth: `${WIDTH}px`, height: 'auto', display: 'block' }}
          >
            <desc id={`${titleId}-desc`}>
              {bars.map((b) => `${b.label}: ${formatNumber(b.value)} points`).join('; ')}
            </desc>
            {bars.map((bar, i) => {
              const y = i * (BAR_HEIGHT + GAP);
              const width = max > 0 ? Math.max(2, (bar.value / max) * plot) : 0;
              return (
                <g key={bar.key} data-testid="chart-bar" data-label={bar.label} data-value={bar.value}>
                  <text
                    x={LABEL_WIDTH - 8}
                    y={y + BAR_HEIGHT / 2}
                    textAnchor="end"
                    dominantBaseline="central"
                    fill={token('color.text.subtle')}
                    style={{ font: token('font.body.small') }}
                  >
                    {bar.label}
                  </text>
                  <rect
                    x={LABEL_WIDTH}
                    y={y}
                    width={width}
                    height={BAR_HEIGHT}
                    rx={3}
                    fill={i === 0 ? token('color.chart.brand') : token('color.chart.blue.bold')}
                  />
                  <text
                    x={LABEL_WIDTH + width + 6}
                    y={y + BAR_HEIGHT / 2}
                    dominantBaseline="central"
                    fill={token('color.text')}
                    style={{ font: token('font.body.small') }}
                  >
                    {formatNumber(bar.value, 1)}
                  </text>
                </g>
              );
            })}
          </svg>
        )}
        <Text size="small" color="color.text.subtle">
          {chartCaption(level, counted.length, rows.length)}
        </Text>
      </Stack>
    </Box>
  );
}
