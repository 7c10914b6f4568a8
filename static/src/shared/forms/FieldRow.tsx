import type { ReactNode } from 'react';
import { token } from '@atlaskit/tokens';

/**
 * Fields side by side that wrap onto new lines in a narrow panel, each at least 10rem
 * wide so a select's value is never cut off.
 */
export function FieldRow({ children }: { children: ReactNode }): JSX.Element {
  return (
    <div
      style={{
        display: 'grid',
        gridTemplateColumns: 'repeat(auto-fit, minmax(10rem, 1fr))',
        gap: token('space.150'),
        alignItems: 'start'
      }}
    >
      {children}
    </div>
  );
}
