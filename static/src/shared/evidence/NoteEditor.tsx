import { useEffect, useRef, useState } from 'react';
import Button from '@atlaskit/button/default/button';
import TextArea from '@atlaskit/textarea';
import { ErrorMessage, Label } from '@atlaskit/form';
import { Box, Inline, Stack } from '@atlaskit/primitives/compiled';
import type { ActionResult } from '../action-result';
import { useEscape } from '../hooks/useEscape';

interface Props {
  insightId: string;
  note: string;
  onSave: (insightId: string, note: string) => ActionResult;
  onClose: () => void;
}

/** Inline editor for "why this is evidence"; closes itself once the server saved it. */
export function NoteEditor({ insightId, note, onSave, onClose }: Props): JSX.Element {
  const [value, setValue] = useState(note);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const id = `note-${insightId}`;
  const errorId = `${id}-error`;
  const inputRef = useRef<HTMLTextAreaElement>(null);
  // Opened to be typed in: the field takes focus from the button the editor replaced.
  useEffect(() => inputRef.current?.focus(), []);
  const onKeyDown = useEscape<HTMLDivElement>(onClose, !saving);

  const save = async (): Promise<void> => {
    setSaving(true);
    const failure = await onSave(insightId, value);
    setSaving(false);
    if (failure === null) onClose();
    else setError(failure.fieldIssues.find((i) => i.path === 'note')?.message ?? failure.message);
  };

  return (
    <div onKeyDown={onKeyDown}>
      <Stack space="space.075">
        <Label htmlFor={id}>Why this is evidence</Label>
        <TextArea
          ref={inputRef}
          id={id}
          value={value}
          onChange={(e) => setValue(e.currentTarget.value)}
          maxLength={1000}
          isInvalid={error !== undefined}
          // The message is read with the field (and announced when it appears), as in FormField.
          aria-describedby={errorId}
          testId="note-input"
        />
        <Box id={errorId} aria-live="polite">
          {error === undefined ? null : <ErrorMessage testId="note-error">{error}</ErrorMessage>}
        </Box>
        <Inline space="space.075">
          <Button
            appearance="primary"
            spacing="compact"
            isLoading={saving}
            onClick={() => void save()}
            testId="note-save"
          >
            Save note
          </Button>
          <Button appearance="subtle" spacing="compact" onClick={onClose} isDisabled={saving}>
            Cancel
          </Button>
        </Inline>
      </Stack>
    </div>
  );
}
