import { useState } from 'react';
import Button from '@atlaskit/button/default/button';
import { token } from '@atlaskit/tokens';
import { Stack } from '@atlaskit/primitives/compiled';

const PREVIEW_CHARS = 280;

interface Props {
  quote: string;
}

/**
 * The customer's words, as plain text (React escapes it: markup in a quote stays
 * inert). Long quotes are cut at a word boundary with a toggle, so one essay does not
 * push every other card off the panel.
 */
export function QuoteText({ quote }: Props): JSX.Element | null {
  const [full, setFull] = useState(false);
  if (quote.trim() === '') return null;
  const long = quote.length > PREVIEW_CHARS;
  const cut = quote.slice(0, PREVIEW_CHARS);
  const preview = `${cut.slice(0, Math.max(cut.lastIndexOf(' '), PREVIEW_CHARS / 2))}…`;
  return (
    <Stack space="space.050" alignInline="start">
      <blockquote
        data-testid="card-quote"
        style={{
          margin: 0,
          paddingInlineStart: token('space.100'),
          borderInlineStart: `${token('border.width.selected')} solid ${token('color.border')}`,
          color: token('color.text.subtle'),
          whiteSpace: 'pre-wrap',
          overflowWrap: 'anywhere'
        }}
      >
        {long && !full ? preview : quote}
      </blockquote>
      {long ? (
        <Button appearance="subtle" spacing="compact" onClick={() => setFull((f) => !f)}>
          {full ? 'Show less' : 'Show full quote'}
        </Button>
      ) : null}
    </Stack>
  );
}
