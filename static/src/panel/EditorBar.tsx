import Button from '@atlaskit/button/default/button';
import { Inline } from '@atlaskit/primitives/compiled';
import { OPENER_IDS } from './hooks/usePanelFocus';

export type EditorMode = 'none' | 'add' | 'link';

interface Props {
  mode: EditorMode;
  onMode: (mode: EditorMode) => void;
}

/** The editing entry points; shown only once `panel/getAccess` said the user may edit. */
export function EditorBar({ mode, onMode }: Props): JSX.Element {
  return (
    <Inline space="space.100">
      <Button
        id={OPENER_IDS.add[0]}
        isSelected={mode === 'add'}
        aria-expanded={mode === 'add'}
        onClick={() => onMode(mode === 'add' ? 'none' : 'add')}
        testId="add-evidence-button"
      >
        Add evidence
      </Button>
      <Button
        id={OPENER_IDS.link[0]}
        isSelected={mode === 'link'}
        aria-expanded={mode === 'link'}
        onClick={() => onMode(mode === 'link' ? 'none' : 'link')}
        testId="link-existing-button"
      >
        Link existing
      </Button>
    </Inline>
  );
}
