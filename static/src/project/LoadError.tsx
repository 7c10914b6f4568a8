import { lazy, Suspense } from 'react';
import type { LoadErrorProps } from './LoadErrorMessage';

// A list that fails to load is the rare path: the section message (with its dismiss
// button, tooltip and popper) loads only then, not with every page.
const LoadErrorMessage = lazy(() =>
  import('./LoadErrorMessage').then((m) => ({ default: m.LoadErrorMessage }))
);

/** A list that did not load: why, by error code, and a retry where one can help. */
export function LoadError(props: LoadErrorProps): JSX.Element {
  return (
    <Suspense fallback={null}>
      <LoadErrorMessage {...props} />
    </Suspense>
  );
}
