import { useRef, useState } from 'react';
import Button from '@atlaskit/button/default/button';
import { Inline, Text } from '@atlaskit/primitives/compiled';
import type { ActionResult } from '../action-result';
import { useEscape } from '../hooks/useEscape';
import { useFocusAfterRender } from '../hooks/useFocusAfterRender';

interface Props {
  insightId: string;
  onUnlink: (insightId: string) => ActionResult;
}

/**
 * Unlinking drops the link's note and lowers the score, so it asks once more inline
 * (a modal would be out of proportion in a panel).
 */
export function UnlinkControl({ insightId, onUnlink }: Props): JSX.Element {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  // The question replaces the button that asked it, and back: focus follows each swap.
  const openerRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const focusAfter = useFocusAfterRender();

  const ask = (): void => {
    setConfirming(true);
    focusAfter(() => cancelRef.current);
  };
  const cancel = (): void => {
    setConfirming(false);
    focusAfter(() => openerRef.current);
  };
  const onKeyDown = useEscape<HTMLDivElement>(cancel, confirming && !busy);

  const unlink = async (): Promise<void> => {
    setBusy(true);
    const failure = await onUnlink(insightId);
    // On success the card disappears with the new view; on failure, offer the choice again.
    if (failure !== null) {
      setBusy(false);
      cancel();
    }
  };

  if (!confirming) {
    return (
      <Button ref={openerRef} appearance="subtle" spacing="compact" onClick={ask} testId="unlink-button">
        Unlink
      </Button>
    );
  }
  return (
    <div role="group" aria-label="Unlink this evidence?" onKeyDown={onKeyDown}>
      <Inline space="space.075" alignBlock="center">
        <Text size="small">Unlink this evidence?</Text>
        <Button
          appearance="danger"
          spacing="compact"
          isLoading={busy}
          onClick={() => void unlink()}
          testId="unlink-confirm"
        >
          Unlink
        </Button>
        <Button ref={cancelRef} appearance="subtle" spacing="compact" isDisabled={busy} onClick={cancel}>
          Cancel
        </Button>
      </Inline>
    </div>
  );
}
