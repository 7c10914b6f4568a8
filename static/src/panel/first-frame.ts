import type { PanelView } from '../../../src/contract/views';
import type { EvidenceCard } from '../../../src/domain/impact';
import type { Severity } from '../../../src/domain/vocabulary';
import { isSafeHttpUrl } from '../../../src/domain/safe-url';
import { openExternal } from '../api/startup';
import { formatDate, formatMoney, formatNumber, formatRelative } from '../shared/format';
import { JOURNEY_STAGE_LABELS, SEGMENT_LABELS, SEVERITY_LABELS, SOURCE_KIND_LABELS } from '../shared/labels';

/**
 * The panel's first evidence in plain DOM, painted by the boot script the moment the
 * opening read answers: React, Atlaskit and the panel's components take another 60–90 ms
 * of main thread to render the same cards (measured with `--phases`), and the invoke's
 * answer is what the person waits for. The frame draws what the React panel draws before
 * the edit access is known (the score, its figures, the evidence heading and the first
 * cards, read-only) with the same design tokens and spacing, so the hand-over to React
 * moves nothing. Styles are set through the CSSOM, as the app's own inline styles are.
 */

/** Cards in the first frame: as many as the React panel's first frame renders. */
export const FIRST_FRAME_CARDS = 3;

const PREVIEW_CHARS = 280;

const FONT_STACK =
  '"Atlassian Sans",ui-sans-serif,-apple-system,BlinkMacSystemFont,"Segoe UI",Ubuntu,"Helvetica Neue",sans-serif';
const FONT = {
  body: `var(--ds-font-body,normal 400 14px/20px ${FONT_STACK})`,
  small: `var(--ds-font-body-small,normal 400 12px/16px ${FONT_STACK})`,
  headingXsmall: `var(--ds-font-heading-xsmall,normal 653 14px/20px ${FONT_STACK})`,
  headingXlarge: `var(--ds-font-heading-xlarge,normal 653 28px/32px ${FONT_STACK})`,
  semibold: 'var(--ds-font-weight-semibold,600)',
  medium: 'var(--ds-font-weight-medium,500)'
} as const;

const stack = (gap: string): string => `display:flex;flex-direction:column;gap:${gap};`;
const inline = (gap: string, align: string, wrap = false): string =>
  `display:flex;flex-direction:row;gap:${gap};align-items:${align};${wrap ? 'flex-wrap:wrap;' : ''}`;
const text = (font: string, color = 'var(--ds-text)'): string => `font:${font};color:${color};margin:0;`;

/** Atlaskit's subtle compact button, the look of "Why this score?" and "Show full quote". */
const SUBTLE_BUTTON =
  `display:inline-flex;align-items:center;box-sizing:border-box;height:24px;padding:2px 12px;` +
  `border:none;border-radius:var(--ds-radius-small,3px);background:transparent;` +
  `font:${FONT.body};font-weight:${FONT.medium};color:var(--ds-text-subtle);white-space:nowrap;`;

const LOZENGE_TONE: Readonly<Record<Severity, string>> = {
  low: 'background-color:var(--ds-background-neutral);color:var(--ds-text);border-color:var(--ds-border);',
  medium:
    'background-color:var(--ds-background-information-subtler);color:var(--ds-text-information-bolder);' +
    'border-color:var(--ds-border-information-subtle);',
  high:
    'background-color:var(--ds-background-warning-subtler);color:var(--ds-text-warning-bolder);' +
    'border-color:var(--ds-border-warning-subtle);',
  critical:
    'background-color:var(--ds-background-danger-subtler);color:var(--ds-text-danger-bolder);' +
    'border-color:var(--ds-border-danger-subtle);'
};

function element(tag: string, css: string, content?: string): HTMLElement {
  const node = document.createElement(tag);
  node.style.cssText = css;
  if (content !== undefined) node.textContent = content;
  return node;
}

function withChildren(node: HTMLElement, ...children: (Node | null)[]): HTMLElement {
  for (const child of children) if (child !== null) node.append(child);
  return node;
}

/**
 * A button drawn as the panel's, present so the layout does not move when React takes
 * over; it does nothing yet, and says so to assistive technology.
 */
function inertButton(label: string): HTMLElement {
  const button = element('button', SUBTLE_BUTTON, label);
  button.setAttribute('type', 'button');
  button.setAttribute('aria-disabled', 'true');
  return button;
}

function headlineStat(label: string, value: string, hidden: boolean): HTMLElement {
  const group = element('div', '');
  group.setAttribute('role', 'group');
  group.setAttribute('aria-label', label);
  const shown = hidden
    ? element('span', text(FONT.body, 'var(--ds-text-subtlest)') + `font-weight:${FONT.semibold};`, 'Hidden')
    : element('span', text(FONT.body) + `font-weight:${FONT.semibold};`, value);
  return withChildren(
    group,
    withChildren(
      element('div', stack('var(--ds-space-025,2px)')),
      element('span', text(FONT.small, 'var(--ds-text-subtle)'), label),
      shown
    )
  );
}

function summary(view: PanelView): HTMLElement | null {
  const score = view.impact?.score;
  if (score === undefined) return null;
  const hidden = view.identityHidden === true;
  const accounts =
    score.anonymousVoices > 0
      ? `${score.uniqueAccounts} + ${score.anonymousVoices} anonymous`
      : String(score.uniqueAccounts);
  const scoreGroup = element('div', '');
  scoreGroup.setAttribute('role', 'group');
  scoreGroup.setAttribute('aria-label', 'Customer impact');
  const stats = withChildren(
    element('div', inline('var(--ds-space-300,24px)', 'stretch', true)),
    headlineStat('Accounts', accounts, false),
    headlineStat('ARR at stake', formatMoney(score.arrAtStake), hidden),
    headlineStat('Insights', String(score.insightCount), false),
    score.lastEvidenceAt === undefined
      ? null
      : headlineStat('Newest evidence', formatRelative(score.lastEvidenceAt), false)
  );
  return withChildren(
    element('div', stack('var(--ds-space-150,12px)')),
    withChildren(
      element('div', inline('var(--ds-space-200,16px)', 'flex-end', true)),
      withChildren(
        scoreGroup,
        withChildren(
          element('div', stack('var(--ds-space-025,2px)')),
          element('span', text(FONT.small, 'var(--ds-text-subtle)'), 'Customer impact'),
          element('div', text(FONT.headingXlarge), formatNumber(score.score))
        )
      ),
      inertButton('Why this score?')
    ),
    stats
  );
}

/** The customer's words as QuoteText cuts them, with its toggle's place kept. */
function quoteBlock(quote: string): HTMLElement | null {
  if (quote.trim() === '') return null;
  const long = quote.length > PREVIEW_CHARS;
  const cut = quote.slice(0, PREVIEW_CHARS);
  const preview = `${cut.slice(0, Math.max(cut.lastIndexOf(' '), PREVIEW_CHARS / 2))}…`;
  const block = element(
    'blockquote',
    'margin:0;padding-inline-start:var(--ds-space-100,8px);' +
      'border-inline-start:var(--ds-border-width-selected,2px) solid var(--ds-border);' +
      'color:var(--ds-text-subtle);white-space:pre-wrap;overflow-wrap:anywhere;',
    long ? preview : quote
  );
  block.setAttribute('data-testid', 'first-frame-quote');
  return withChildren(
    element('div', stack('var(--ds-space-050,4px)') + 'align-items:flex-start;'),
    block,
    long ? inertButton('Show full quote') : null
  );
}

function sourceLink(url: string | undefined, label: string): HTMLElement | null {
  if (url === undefined || !isSafeHttpUrl(url)) return null;
  const link = element('a', 'color:var(--ds-link);', label);
  link.setAttribute('href', url);
  link.setAttribute('target', '_blank');
  link.setAttribute('rel', 'noopener noreferrer');
  // The iframe may not navigate: the host opens it, as the React panel's link does.
  link.addEventListener('click', (event) => {
    event.preventDefault();
    void openExternal(url).catch(() => undefined);
  });
  return link;
}

function mergedQuotes(quotes: EvidenceCard['additionalQuotes']): HTMLElement | null {
  if (!quotes || quotes.length === 0) return null;
  const list = element('ul', 'margin:0;padding-inline-start:0;list-style:none;');
  list.setAttribute('aria-label', 'Quotes from merged duplicates');
  for (const q of quotes)
    list.append(
      withChildren(
        element('li', ''),
        withChildren(
          element('div', stack('var(--ds-space-025,2px)')),
          quoteBlock(q.quote),
          sourceLink(q.sourceUrl, 'Open merged source')
        )
      )
    );
  return withChildren(
    element('div', stack('var(--ds-space-050,4px)')),
    element(
      'span',
      text(FONT.small, 'var(--ds-text-subtle)') + `font-weight:${FONT.semibold};`,
      'Also said (merged duplicates)'
    ),
    list
  );
}

function cardItem(card: EvidenceCard, issueId: string): HTMLElement {
  const meta = [
    SOURCE_KIND_LABELS[card.sourceKind],
    card.account
      ? `${card.account.name} (${SEGMENT_LABELS[card.account.segment]}${card.account.arr > 0 ? `, ${formatMoney(card.account.arr)} ARR` : ''})`
      : 'Anonymous',
    card.journeyStage ? JOURNEY_STAGE_LABELS[card.journeyStage] : undefined,
    `observed ${formatDate(card.observedAt)}`
  ].filter((p): p is string => p !== undefined);
  const lozenge = withChildren(
    element(
      'span',
      'display:inline-flex;align-items:center;box-sizing:border-box;height:1.25rem;max-width:min(200px,100%);' +
        'padding-block:var(--ds-space-025,2px);padding-inline:var(--ds-space-050,4px);' +
        // Without a fallback, as StatusLozenge's (build-time token) border width has none.
        'border-width:var(--ds-border-width);border-style:solid;border-radius:var(--ds-radius-small,3px);' +
        `overflow:hidden;${LOZENGE_TONE[card.severity]}`
    ),
    element(
      'span',
      `font:${FONT.small};overflow:hidden;text-overflow:ellipsis;white-space:nowrap;`,
      SEVERITY_LABELS[card.severity]
    )
  );
  const heading = element('div', '');
  heading.setAttribute('role', 'heading');
  heading.setAttribute('aria-level', '4');
  heading.append(element('span', text(FONT.body) + `font-weight:${FONT.semibold};`, card.summary));
  const linked = withChildren(
    element('div', stack('var(--ds-space-025,2px)')),
    element('span', text(FONT.small, 'var(--ds-text-subtlest)'), `Linked ${formatRelative(card.linkedAt)}`),
    card.note === '' ? null : element('span', text(FONT.small), `Why this is evidence: ${card.note}`)
  );
  const item = element(
    'li',
    'box-sizing:border-box;padding:var(--ds-space-150,12px);background-color:var(--ds-surface-raised);' +
      'border:var(--ds-border-width) solid var(--ds-border);border-radius:var(--ds-radius-medium);list-style:none;'
  );
  item.setAttribute('data-testid', 'first-frame-card');
  return withChildren(
    item,
    withChildren(
      element('div', stack('var(--ds-space-100,8px)')),
      withChildren(
        element('div', inline('var(--ds-space-100,8px)', 'flex-start')),
        withChildren(element('div', 'flex-shrink:0;'), lozenge),
        heading
      ),
      quoteBlock(card.quote),
      mergedQuotes(card.additionalQuotes),
      element('span', text(FONT.small, 'var(--ds-text-subtle)'), meta.join(' · ')),
      withChildren(
        element('div', inline('var(--ds-space-100,8px)', 'stretch', true)),
        sourceLink(card.sourceUrl, `Open ${SOURCE_KIND_LABELS[card.sourceKind].toLowerCase()}`),
        card.fromIssueId === issueId
          ? null
          : element('span', text(FONT.small, 'var(--ds-text-subtle)'), 'from a child issue')
      ),
      linked
    )
  );
}

/** The frame for a view with evidence; null for an empty panel, which React draws at once. */
export function buildFirstFrame(view: PanelView): HTMLElement | null {
  const impact = view.impact;
  if (impact === null || impact.totalCards === 0 || impact.cards.length === 0) return null;
  const frame = element('div', 'padding:var(--ds-space-100,8px);');
  frame.setAttribute('data-testid', 'first-frame');
  const list = element(
    'ul',
    'margin:0;padding-inline-start:0;list-style:none;display:flex;flex-direction:column;gap:var(--ds-space-100,8px);'
  );
  list.setAttribute('aria-label', `Evidence (${impact.totalCards})`);
  for (const card of impact.cards.slice(0, FIRST_FRAME_CARDS)) list.append(cardItem(card, view.issueId));
  return withChildren(
    frame,
    withChildren(
      element('div', stack('var(--ds-space-200,16px)')),
      summary(view),
      withChildren(
        element('div', stack('var(--ds-space-100,8px)')),
        withChildren(
          element('div', ''),
          element('h3', text(FONT.headingXsmall), `Evidence (${impact.totalCards})`)
        ),
        withChildren(element('div', stack('var(--ds-space-100,8px)')), list)
      )
    )
  );
}

/**
 * Shows the view's first frame in place of the page's #root (where the skeleton or
 * React's loading state is) and returns what puts #root back; null when there is
 * nothing to show first. React keeps rendering into the hidden #root meanwhile.
 */
export function showFirstFrame(view: PanelView): (() => void) | null {
  const root = document.getElementById('root');
  const frame = root === null ? null : buildFirstFrame(view);
  if (root === null || frame === null) return null;
  root.before(frame);
  root.hidden = true;
  return () => {
    frame.remove();
    root.hidden = false;
  };
}
