import { useId, useState } from 'react';
import Button from '@atlaskit/button/default/button';
import { Inline } from '@atlaskit/primitives/compiled';
import type { ActionResult } from '../action-result';
import { TextAreaField } from '../forms/TextAreaField';

/** The note a link carries and the state of sending it, for the two link screens. */
export interface LinkNote {
  note: string;
  setNote: (note: string) => void;
  noteError: string | undefined;
  linking: boolean;
  /** Sends the link; closes on success, or shows what was wrong with the note. */
  send: (link: (note: string) => ActionResult) => Promise<void>;
}

export function useLinkNote(onDone: () => void): LinkNote {
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | undefined>();
  const [linking, setLinking] = useState(false);
  const send = async (link: (note: string) => ActionResult): Promise<void> => {
    setLinking(true);
    const failure = await link(note);
    setLinking(false);
    if (failure === null) onDone();
    else setNoteError(failure.fieldIssues.find((i) => i.path === 'note')?.message);
  };
  return { note, setNote, noteError, linking, send };
}

interface Props {
  state: LinkNote;
  /** The primary button's text, naming what will be linked. */
  linkLabel: string;
  canLink: boolean;
  onLink: () => void;
  onCancel: () => void;
  linkTestId: string;
}

/** "Why this is evidence", then Link and Cancel. */
export function LinkWithNote({
  state,
  linkLabel,
  canLink,
  onLink,
  onCancel,
  linkTestId
}: Props): JSX.Element {
  const id = useId();
  return (
    <>
      <TextAreaField
        id={`${id}-note`}
        label="Why this is evidence"
        value={state.note}
        onChange={state.setNote}
        error={state.noteError}
        maxLength={1000}
        testId="link-note"
      />
      <Inline space="space.100">
        <Button
          appearance="primary"
          isDisabled={!canLink}
          isLoading={state.linking}
          onClick={onLink}
          testId={linkTestId}
        >
          {linkLabel}
        </Button>
        <Button appearance="subtle" onClick={onCancel} isDisabled={state.linking}>
          Cancel
        </Button>
      </Inline>
    </>
  );
}
