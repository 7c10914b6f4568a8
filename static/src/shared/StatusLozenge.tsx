import type { CSSProperties, ReactNode } from 'react';
import { token } from '@atlaskit/tokens';

export type LozengeTone = 'neutral' | 'information' | 'warning' | 'danger';

/** Atlaskit Lozenge's tokens for each tone: subtler background, bolder text, subtle border. */
const TONES: Readonly<Record<LozengeTone, CSSProperties>> = {
  neutral: {
    backgroundColor: token('color.background.neutral'),
    color: token('color.text'),
    borderColor: token('color.border')
  },
  information: {
    backgroundColor: token('color.background.information.subtler'),
    color: token('color.text.information.bolder'),
    borderColor: token('color.border.information.subtle')
  },
  warning: {
    backgroundColor: token('color.background.warning.subtler'),
    color: token('color.text.warning.bolder'),
    borderColor: token('color.border.warning.subtle')
  },
  danger: {
    backgroundColor: token('color.background.danger.subtler'),
    color: token('color.text.danger.bolder'),
    borderColor: token('color.border.danger.subtle')
  }
};

const BOX: CSSProperties = {
  display: 'inline-flex',
  alignItems: 'center',
  boxSizing: 'border-box',
  height: '1.25rem',
  maxWidth: 'min(200px, 100%)',
  paddingBlock: token('space.025'),
  paddingInline: token('space.050'),
  borderWidth: token('border.width'),
  borderStyle: 'solid',
  borderRadius: token('radius.small'),
  overflow: 'hidden'
};

const TEXT: CSSProperties = {
  font: token('font.body.small'),
  overflow: 'hidden',
  textOverflow: 'ellipsis',
  whiteSpace: 'nowrap'
};

interface Props {
  tone: LozengeTone;
  children: ReactNode;
  testId?: string;
}

/**
 * A read-only status label drawn as Atlaskit's Lozenge draws one, from the same design
 * tokens, so it follows the light and dark themes. Atlaskit's Lozenge is built for
 * clickable lozenges too: it brings Pressable, its Emotion runtime, Badge and a resize
 * animation (about 12 KB gzip) into the issue panel's first download for a label.
 */
export function StatusLozenge({ tone, children, testId }: Props): JSX.Element {
  return (
    <span style={{ ...BOX, ...TONES[tone] }} data-testid={testId}>
      <span style={TEXT}>{children}</span>
    </span>
  );
}
