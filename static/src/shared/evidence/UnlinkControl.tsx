import { useState } from 'react';
import Button from '@atlaskit/button/default/button';
import { Inline, Text } from '@atlaskit/primitives/compiled';
import type { ActionResult } from '../action-result';

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

  const unlink = async (): Promise<void> => {
    setBusy(true);
    const failure = await onUnlink(insightId);
    // On success the card disappears with the new view; on failure, offer the choice again.
    if (failure !== null) {
      setBusy(false);
      setConfirming(false);
    }
  };

  if (!confirming) {
    return (
      <Button
        appearance="subtle"
        spacing="compact"
        onClick={() => setConfirming(true)}
        testId="unlink-button"
      >
        Unlink
      </Button>
    );
  }
  return (
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
      <Button appearance="subtle" spacing="compact" isDisabled={busy} onClick={() => setConfirming(false)}>
        Cancel
      </Button>
    </Inline>
  );
}
