import { useEffect, useRef, useState } from 'react';
import type { ScorePreviewRow } from '../../../../src/contract/views';
import { canonicalJson, type ScoringSettings } from '../../../../src/domain/scoring/settings';
import { ApiError, invokeApi, toApiError } from '../../api';

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

/**
 * How the site's top issues would score under `edited` (null while the form is invalid),
 * asked for once the admin pauses typing. Only the latest settings' answer is shown.
 * Previewing writes nothing.
 */
export function useScorePreview(edited: ScoringSettings | null, saved: ScoringSettings): ScorePreview {
  const [preview, setPreview] = useState<ScorePreview>({ status: 'unchanged' });
  const current = useRef(0);
  // Saved settings are compared by content: a save returns a new object with the same values.
  const savedKey = canonicalJson(saved);

  // `edited` is memoised by the form on its values, so a new object means an edit: each
  // one restarts the wait.
  useEffect(() => {
    const id = ++current.current;
    if (edited === null) {
      setPreview({ status: 'invalid' });
      return;
    }
    if (canonicalJson(edited) === savedKey) {
      setPreview({ status: 'unchanged' });
      return;
    }
    const scoring = edited;
    setPreview((p) => ({
      status: 'pending',
      rows: p.status === 'ready' || p.status === 'pending' ? p.rows : null
    }));
    const timer = setTimeout(() => {
      invokeApi('admin/previewScoring', { scoring }).then(
        (rows) => {
          if (current.current === id) setPreview({ status: 'ready', rows });
        },
        (error: unknown) => {
          if (current.current === id) setPreview({ status: 'error', error: toApiError(error) });
        }
      );
    }, PREVIEW_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      if (current.current === id) current.current += 1;
    };
  }, [edited, savedKey]);

  return preview;
}
