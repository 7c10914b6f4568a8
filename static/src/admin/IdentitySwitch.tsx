import { Inline, Pressable, Text } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';

interface Props {
  id: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** The id of the text that explains what the switch does. */
  describedBy: string;
}

const TRACK_WIDTH = 40;
const TRACK_HEIGHT = 20;
const THUMB = 14;

/**
 * An on/off switch (`role="switch"`), built on Pressable for Atlaskit's focus ring; the
 * on/off word beside it says what the colour shows. Its label is a `<label for={id}>`.
 */
export function IdentitySwitch({ id, checked, onChange, describedBy }: Props): JSX.Element {
  return (
    <Inline space="space.100" alignBlock="center">
      <Pressable
        id={id}
        role="switch"
        aria-checked={checked}
        aria-describedby={describedBy}
        onClick={() => onChange(!checked)}
        padding="space.0"
        style={{ borderRadius: token('radius.full', '9999px'), background: 'transparent' }}
      >
        <span
          aria-hidden="true"
          style={{
            display: 'block',
            position: 'relative',
            width: TRACK_WIDTH,
            height: TRACK_HEIGHT,
            borderRadius: token('radius.full', '9999px'),
            background: token(checked ? 'color.background.success.bold' : 'color.background.neutral.bold'),
            transition: 'background 150ms'
          }}
        >
          <span
            style={{
              position: 'absolute',
              top: (TRACK_HEIGHT - THUMB) / 2,
              left: checked ? TRACK_WIDTH - THUMB - 3 : 3,
              width: THUMB,
              height: THUMB,
              borderRadius: token('radius.full', '9999px'),
              background: token('color.icon.inverse'),
              transition: 'left 150ms'
            }}
          />
        </span>
      </Pressable>
      <Text weight="semibold">{checked ? 'On' : 'Off'}</Text>
    </Inline>
  );
}
