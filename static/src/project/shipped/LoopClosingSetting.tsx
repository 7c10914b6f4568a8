import { useId } from 'react';
import { Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import { useLoopClosing } from './hooks/useLoopClosing';

/**
 * The project's opt-in to closing the loop: when on, finishing an issue posts one internal
 * (agent-only) comment on each service request its evidence came from. Its curators change
 * it; everyone else sees whether it is on and why they cannot change it.
 */
export function LoopClosingSetting(): JSX.Element | null {
  const id = useId();
  const { load, saving, setEnabled } = useLoopClosing();
  // The list below is what matters: the setting stays out of the way until it is known.
  if (load.status !== 'ready') return null;
  const { enabled, canEdit } = load.data;
  return (
    <Stack space="space.050">
      <Inline space="space.075" alignBlock="center">
        <input
          id={id}
          type="checkbox"
          checked={enabled}
          disabled={!canEdit || saving}
          aria-describedby={`${id}-help`}
          onChange={(event) => setEnabled(event.target.checked)}
        />
        <label htmlFor={id}>
          <Text>Tell service requests when work ships</Text>
        </label>
      </Inline>
      <Text size="small" color="color.text.subtle" id={`${id}-help`}>
        {canEdit
          ? 'When an issue is done, each service request its evidence came from gets an internal comment naming it, once.'
          : 'Only curators of this project can change this.'}
      </Text>
    </Stack>
  );
}
