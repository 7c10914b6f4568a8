import { useCallback, useMemo, useRef } from 'react';
import { CARD_HEADING_ATTRIBUTE } from '../../shared/evidence/card-heading';
import { useFocusAfterRender } from '../../shared/hooks/useFocusAfterRender';
import type { EditorMode } from '../EditorBar';
import type { PanelActions } from './usePanelActions';

/** The evidence list's heading ("Evidence (n)"), where focus lands when no card is left to take it. */
export const EVIDENCE_HEADING_ID = 'evidence-heading';
/** The buttons that open the capture form and the link search: above the cards, and in the empty state. */
export const OPENER_IDS: Readonly<Record<Exclude<EditorMode, 'none'>, readonly string[]>> = {
  add: ['add-evidence', 'empty-add-evidence'],
  link: ['link-existing', 'empty-link-existing']
};

const cardHeadings = (): HTMLElement[] => [
  ...document.querySelectorAll<HTMLElement>(`[${CARD_HEADING_ATTRIBUTE}]`)
];
const cardOf = (heading: HTMLElement): string => heading.getAttribute(CARD_HEADING_ATTRIBUTE) ?? '';
const byId = (ids: readonly string[]): HTMLElement | null =>
  ids.map((id) => document.getElementById(id)).find((el) => el !== null) ?? null;
/** The list's count in its heading, or nothing while the panel shows its empty state. */
const evidenceCount = (): string | undefined =>
  document.getElementById(EVIDENCE_HEADING_ID)?.textContent ?? undefined;

export interface PanelFocus {
  /** The actions, each leaving focus where the person can carry on from. */
  actions: PanelActions;
  /** Closes the form or search of `mode`: after a save, to what was added; else back to its opener. */
  close: (mode: EditorMode) => void;
}

/**
 * Where focus goes after each change on the panel, so it never falls to the page body:
 * after an unlink, to the next card (or the list's heading, or the empty state's first
 * action); after a save, to the first card that was not there before (or the list's
 * heading, whose count changed); after a cancel, to the button that opened the form.
 */
export function usePanelFocus(base: PanelActions): PanelFocus {
  const focusAfter = useFocusAfterRender();
  // The cards on screen before the last successful save; none after a cancel.
  const saved = useRef<{ before: ReadonlySet<string>; count: string | undefined } | null>(null);

  const actions = useMemo((): PanelActions => {
    const remembering =
      <A extends unknown[]>(run: (...args: A) => ReturnType<PanelActions['capture']>) =>
      async (...args: A): ReturnType<PanelActions['capture']> => {
        const before = { before: new Set(cardHeadings().map(cardOf)), count: evidenceCount() };
        const failure = await run(...args);
        if (failure === null) saved.current = before;
        return failure;
      };
    return {
      ...base,
      capture: remembering(base.capture),
      link: remembering(base.link),
      unlink: async (insightId) => {
        const headings = cardHeadings();
        const next = headings[headings.findIndex((h) => cardOf(h) === insightId) + 1];
        const failure = await base.unlink(insightId);
        if (failure === null)
          focusAfter(
            () => (next?.isConnected ? next : byId([EVIDENCE_HEADING_ID, ...OPENER_IDS.add])),
            () => !cardHeadings().some((h) => cardOf(h) === insightId)
          );
        return failure;
      }
    };
  }, [base, focusAfter]);

  const close = useCallback(
    (mode: EditorMode) => {
      const save = saved.current;
      saved.current = null;
      if (mode === 'none') return;
      if (save === null) {
        focusAfter(() => byId(OPENER_IDS[mode]));
        return;
      }
      // The new view may arrive a render after the form closes: wait until the list shows it.
      focusAfter(
        () => cardHeadings().find((h) => !save.before.has(cardOf(h))) ?? byId([EVIDENCE_HEADING_ID]),
        () => evidenceCount() !== save.count
      );
    },
    [focusAfter]
  );

  return { actions, close };
}
