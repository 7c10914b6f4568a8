import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import Button from '@atlaskit/button/default/button';
import { Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import type { IntakeSourceLogView, IntakeSourceView } from '../../../src/contract/views';
import { StatusLozenge } from '../shared/StatusLozenge';
import { DeliveryLog } from './DeliveryLog';
import { CELL } from './intake-table-styles';
import { INTAKE_PRESET_LABELS } from './model/intake-form';
import { formatReceivedAt } from './model/received-at';

/** Columns of the sources table, for the rows that span it. */
export const SOURCE_COLUMNS = 6;

interface Props {
  source: IntakeSourceLogView;
  busy: boolean;
  onRotate: (source: IntakeSourceView) => Promise<boolean>;
  onSetStatus: (source: IntakeSourceView, status: IntakeSourceView['status']) => Promise<boolean>;
}

/**
 * One source: its settings, its actions, and below it (on demand) the rotation's
 * question and the delivery log. Rotating asks first, as the sender is cut off until it
 * has the new secret.
 */
export function IntakeSourceRow({ source, busy, onRotate, onSetStatus }: Props): JSX.Element {
  const id = useId();
  const [confirming, setConfirming] = useState(false);
  const [showLog, setShowLog] = useState(false);
  const rotateButton = useRef<HTMLButtonElement>(null);
  const question = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (confirming) question.current?.focus();
  }, [confirming]);

  const cancel = (): void => {
    setConfirming(false);
    rotateButton.current?.focus();
  };
  const rotate = async (): Promise<void> => {
    // On success the page shows the new secret and moves focus there.
    if (await onRotate(source)) setConfirming(false);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key === 'Escape') cancel();
  };
  const next = source.status === 'active' ? 'disabled' : 'active';

  return (
    <>
      <tr>
        <th scope="row" style={{ ...CELL, fontWeight: 'normal' }}>
          {source.name}
        </th>
        <td style={CELL}>{source.projectKey ?? `Project ${source.projectId} (not visible to you)`}</td>
        <td style={CELL}>{INTAKE_PRESET_LABELS[source.mapping.preset]}</td>
        <td style={CELL}>
          <StatusLozenge tone={source.status === 'active' ? 'information' : 'neutral'}>
            {source.status === 'active' ? 'Active' : 'Disabled'}
          </StatusLozenge>
        </td>
        <td style={CELL}>
          <time dateTime={source.secretSetAt}>{formatReceivedAt(source.secretSetAt)}</time>
        </td>
        <td style={CELL}>
          <Inline space="space.050" shouldWrap>
            <Button
              ref={rotateButton}
              appearance="subtle"
              isDisabled={busy}
              onClick={() => setConfirming(true)}
            >
              Rotate secret
            </Button>
            <Button appearance="subtle" isDisabled={busy} onClick={() => void onSetStatus(source, next)}>
              {source.status === 'active' ? 'Disable' : 'Enable'}
            </Button>
            <Button
              appearance="subtle"
              aria-expanded={showLog}
              aria-controls={`${id}-log`}
              onClick={() => setShowLog((shown) => !shown)}
            >
              {showLog ? 'Hide deliveries' : `Deliveries (${source.deliveries.length})`}
            </Button>
          </Inline>
        </td>
      </tr>
      {confirming ? (
        <tr>
          <td colSpan={SOURCE_COLUMNS} style={CELL}>
            <div
              ref={question}
              tabIndex={-1}
              role="group"
              aria-labelledby={`${id}-question`}
              onKeyDown={onKeyDown}
            >
              <Stack space="space.100">
                <Text as="p" id={`${id}-question`} weight="semibold">
                  Rotate the secret of {source.name}?
                </Text>
                <Text as="p">
                  Deliveries signed with the current secret are refused from now on, until the sender uses the
                  new one.
                </Text>
                <Inline space="space.100">
                  <Button appearance="warning" isLoading={busy} onClick={() => void rotate()}>
                    Rotate the secret
                  </Button>
                  <Button appearance="subtle" onClick={cancel}>
                    Cancel
                  </Button>
                </Inline>
              </Stack>
            </div>
          </td>
        </tr>
      ) : null}
      <tr id={`${id}-log`} hidden={!showLog}>
        <td colSpan={SOURCE_COLUMNS} style={CELL}>
          {showLog ? <DeliveryLog sourceName={source.name} deliveries={source.deliveries} /> : null}
        </td>
      </tr>
    </>
  );
}
