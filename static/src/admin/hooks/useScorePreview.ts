import { useEffect, useState } from 'react';
import { keepPreviousData } from '@tanstack/react-query';
import type { ScorePreviewRow } from '../../../../src/contract/views';
import { canonicalJson, type ScoringSettings } from '../../../../src/domain/scoring/settings';
import { useContractQuery, type ApiError } from '../../api';

/** How long the form must be still before a preview is asked for. */
export const PREVIEW_DEBOUNCE_MS = 400;

export type ScorePreview =
  /** The edited settings equal the saved ones: there is nothing to compare. */
  | { status: 'unchanged' }
  /** Some field is invalid: no preview until it is fixed. */
  | { status: 'invalid' }
  /** Waiting for the form to settle or for the answer; `rows` are the previous preview's. */
  | { status: 'pending'; rows: ScorePreviewRow[] | null }
  | { status: 'ready'; rows: ScorePreviewRow[] }
  | { status: 'error'; error: ApiError };

/** `value` once it has stayed the same for `ms`. */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * How the site's top issues would score under `edited` (null while the form is invalid),
 * asked for once the admin pauses typing. Only the latest settings' answer is shown (the
 * query is keyed by them). Previewing writes nothing.
 */
export function useScorePreview(edited: ScoringSettings | null, saved: ScoringSettings): ScorePreview {
  // `edited` is memoised by the form on its values, so a new object means an edit: each
  // one restarts the wait.
  const settled = useSettled(edited, PREVIEW_DEBOUNCE_MS);
  // Saved settings are compared by content: a save returns a new object with the same values.
  const changed = edited !== null && canonicalJson(edited) !== canonicalJson(saved);
  const asked = changed && settled === edited;
  const query = useContractQuery(
    'admin/previewScoring',
    { scoring: settled ?? saved },
    // A preview of the same settings is the same answer for the page's lifetime.
    { enabled: asked, staleTime: Infinity, placeholderData: keepPreviousData }
  );

  if (edited === null) return { status: 'invalid' };
  if (!changed) return { status: 'unchanged' };
  if (asked && query.isError && !query.isFetching) return { status: 'error', error: query.error };
  if (asked && query.data !== undefined && !query.isPlaceholderData)
    return { status: 'ready', rows: query.data };
  return { status: 'pending', rows: query.data ?? null };
}
