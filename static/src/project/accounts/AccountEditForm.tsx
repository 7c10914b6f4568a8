import { useState, type FormEvent } from 'react';
import Button from '@atlaskit/button/default/button';
import { Inline, Stack } from '@atlaskit/primitives/compiled';
import type { Account } from '../../../../src/domain/account';
import { SEGMENTS, type Segment } from '../../../../src/domain/vocabulary';
import { notify } from '../../api';
import { describeError } from '../../shared/error-copy';
import { EnumField } from '../../shared/forms/EnumField';
import { TextInputField } from '../../shared/forms/TextInputField';
import { SEGMENT_LABELS } from '../../shared/labels';
import { useEditAccount } from './hooks/useAccounts';

interface Props {
  account: Account;
}

/** A curator's edit of the account's name, segment and revenue; each saved edit joins its history. */
export function AccountEditForm({ account }: Props): JSX.Element {
  const [name, setName] = useState(account.name);
  const [segment, setSegment] = useState<Segment | ''>(account.segment);
  const [arr, setArr] = useState(String(account.arr));
  const [arrError, setArrError] = useState<string | undefined>(undefined);
  const edit = useEditAccount();
  const save = (event: FormEvent): void => {
    event.preventDefault();
    const revenue = Number(arr.trim());
    if (arr.trim() === '' || !Number.isFinite(revenue) || revenue < 0) {
      setArrError('Enter the yearly revenue as a number, 0 or more.');
      return;
    }
    setArrError(undefined);
    edit.mutate(
      { account: { key: account.key, name: name.trim(), ...(segment ? { segment } : {}), arr: revenue } },
      {
        onSuccess: (result) =>
          notify(
            'success',
            result.changes.length === 0 ? 'Nothing to change' : `Saved ${result.name}`,
            result.rescore ? 'Scores of the issues it backs are being recomputed.' : undefined
          ),
        onError: (error) => notify('error', 'Account not saved', describeError(error, 'project-evidence'))
      }
    );
  };
  return (
    <form aria-label="Edit account" onSubmit={save}>
      <Stack space="space.100">
        <TextInputField
          id="account-edit-name"
          label="Name"
          value={name}
          onChange={setName}
          error={undefined}
          testId="account-edit-name"
          required
        />
        <EnumField
          id="account-edit-segment"
          label="Segment"
          values={SEGMENTS}
          labels={SEGMENT_LABELS}
          value={segment}
          onChange={setSegment}
          error={undefined}
          testId="account-edit-segment"
        />
        <TextInputField
          id="account-edit-arr"
          label="ARR"
          value={arr}
          onChange={setArr}
          error={arrError}
          testId="account-edit-arr"
          numeric
        />
        <Inline>
          <Button type="submit" appearance="primary" isDisabled={edit.isPending}>
            Save account
          </Button>
        </Inline>
      </Stack>
    </form>
  );
}
