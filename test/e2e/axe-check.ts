import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** The rule sets a Marketplace app is reviewed against: WCAG 2.1 A and AA. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BLOCKING = new Set(['serious', 'critical']);

export interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core over the page and every frame in it (the app renders in the shell's
 * iframe) and returns the serious and critical violations, one line of detail each, so a
 * failing test names the rule and the element instead of printing axe's whole report.
 * The page must come from `browser.newContext().newPage()`: axe opens a second page in
 * the same context to put the frames' results together.
 */
export async function seriousViolations(page: Page): Promise<AxeFinding[]> {
  // The pointer stays where the last click left it; axe judges the resting screen, not
  // the hover highlight of the button just pressed (nor its colour transition).
  await page.mouse.move(0, 0);
  await page.waitForTimeout(250);
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return results.violations
    .filter((v) => v.impact !== undefined && v.impact !== null && BLOCKING.has(v.impact))
    .map((v) => ({
      rule: v.id,
      impact: v.impact ?? '',
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 5)
    }));
}

/** Fails with a readable list when the screen has a serious or critical violation. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const found = await seriousViolations(page);
  if (found.length > 0) {
    const lines = found.map((f) => `- ${f.impact} ${f.rule}: ${f.help} (${f.targets.join(', ')})`);
    throw new Error(
      `${screen}: ${found.length} serious or critical accessibility violations\n${lines.join('\n')}`
    );
  }
}
