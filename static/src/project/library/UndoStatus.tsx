import { forwardRef } from 'react';
import Button from '@atlaskit/button/default/button';
import { Box, Inline, Text } from '@atlaskit/primitives/compiled';

/** A change the user may take back, and how. */
export interface UndoOffer {
  message: string;
  undo: () => Promise<void>;
  /** When the server stops accepting the undo (ISO time): the offer is withdrawn then. */
  expiresAt?: string;
}

interface Props {
  offer: UndoOffer | null;
  busy: boolean;
  onUndo: () => void;
}

/**
 * Says what the last triage did, with its Undo. The live region stays mounted so that
 * screen readers announce each new message; the Undo button takes focus after a bulk
 * action (the items it acted on have left the list).
 */
export const UndoStatus = forwardRef<HTMLButtonElement, Props>(function UndoStatus(
  { offer, busy, onUndo },
  undoRef
) {
  return (
    <Box role="status" testId="triage-status">
      {offer ? (
        <Box padding="space.100" backgroundColor="color.background.neutral">
          <Inline space="space.100" alignBlock="center">
            <Text>{offer.message}</Text>
            <Button ref={undoRef} spacing="compact" isLoading={busy} onClick={onUndo} testId="triage-undo">
              Undo
            </Button>
          </Inline>
        </Box>
      ) : null}
    </Box>
  );
});
