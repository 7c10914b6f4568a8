import type { ReactNode } from 'react';
import { token } from '@atlaskit/tokens';

/** Fields side by side, wrapping onto new lines on a narrow page. */
export function FieldGrid({ children, min = '8rem' }: { children: ReactNode; min?: string }): JSX.Element {
  return (
    <div
      style={{
        display: 'grid',
        gridTemplateColumns: `repeat(auto-fill, minmax(${min}, 1fr))`,
        gap: token('space.150'),
        alignItems: 'start'
      }}
    >
      {children}
    </div>
  );
}
