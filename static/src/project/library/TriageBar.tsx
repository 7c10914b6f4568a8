import { useEffect, useId, type RefObject } from 'react';
import Button from '@atlaskit/button/default/button';
import { Inline, Text } from '@atlaskit/primitives/compiled';

interface Props {
  selected: number;
  shown: number;
  onSelectAll: (all: boolean) => void;
  /** Linking is a contributor's; dismissing a curator's. */
  canLink: boolean;
  canDismiss: boolean;
  linking: boolean;
  busy: boolean;
  onLink: () => void;
  onDismiss: () => void;
  /** The "Select all shown" box, focused after a bulk link (the linked insights have left). */
  selectAllRef: RefObject<HTMLInputElement>;
}

/** "Select all shown" and, once some are selected, what can be done to all of them. */
export function TriageBar({
  selected,
  shown,
  onSelectAll,
  canLink,
  canDismiss,
  linking,
  busy,
  onLink,
  onDismiss,
  selectAllRef
}: Props): JSX.Element {
  const id = useId();
  const all = shown > 0 && selected === shown;
  const some = selected > 0 && !all;
  // Some selected, not all: the box says so (and reads as "mixed") rather than showing empty.
  useEffect(() => {
    if (selectAllRef.current) selectAllRef.current.indeterminate = some;
  }, [selectAllRef, some]);
  return (
    <Inline space="space.150" alignBlock="center" shouldWrap testId="triage-bar">
      <Inline space="space.075" alignBlock="center">
        <input
          id={id}
          type="checkbox"
          checked={all}
          disabled={shown === 0}
          ref={selectAllRef}
          onChange={(event) => onSelectAll(event.target.checked)}
        />
        <label htmlFor={id}>
          <Text>Select all shown</Text>
        </label>
      </Inline>
      {selected > 0 ? (
        <Inline space="space.075" role="group" aria-label="Selected insights">
          {canLink ? (
            <Button
              spacing="compact"
              isSelected={linking}
              aria-expanded={linking}
              isDisabled={busy}
              onClick={onLink}
              testId="bulk-link-button"
            >
              Link {selected} to issue…
            </Button>
          ) : null}
          {canDismiss ? (
            <Button spacing="compact" isLoading={busy} onClick={onDismiss} testId="bulk-dismiss-button">
              Dismiss {selected}
            </Button>
          ) : null}
        </Inline>
      ) : null}
    </Inline>
  );
}
