import { useState } from 'react';
import Button from '@atlaskit/button/default/button';
import SectionMessage from '@atlaskit/section-message';
import { Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import type { AccountView } from '../../../../src/contract/views';
import { notify } from '../../api';
import { describeError } from '../../shared/error-copy';
import { AccountPicker } from './AccountPicker';
import { useMergeAccounts } from './hooks/useAccounts';

interface Props {
  view: AccountView;
  /** The survivor, once the merge is done: the page shows it instead. */
  onMerged: (account: { key: string; name: string }) => void;
}

const plural = (n: number, one: string): string => `${n} ${one}${n === 1 ? '' : 's'}`;

/**
 * Merges this account, a duplicate, into the one to keep: pick it, read what will move,
 * confirm. Not offered when the account has evidence in other projects (the server
 * refuses that too).
 */
export function MergeAccount({ view, onMerged }: Props): JSX.Element {
  const [survivor, setSurvivor] = useState<{ key: string; name: string } | null>(null);
  const merge = useMergeAccounts();
  const { account, mergeableInsights, inOtherProjects } = view;
  if (inOtherProjects) {
    return (
      <Text color="color.text.subtle">
        {account.name} also has evidence in other projects, so it cannot be merged from this project.
      </Text>
    );
  }
  if (!survivor) {
    return <AccountPicker id="merge-into" label="Merge into" exclude={account.key} onPick={setSurvivor} />;
  }
  const confirm = (): void =>
    merge.mutate(
      { sourceKey: account.key, targetKey: survivor.key },
      {
        onSuccess: (result) => {
          notify('success', `Merged ${account.name} into ${result.survivor.name}`);
          onMerged(result.survivor);
        },
        onError: (error) => notify('error', 'Accounts not merged', describeError(error, 'project-evidence'))
      }
    );
  return (
    <SectionMessage appearance="warning" title={`Merge ${account.name} into ${survivor.name}?`}>
      <Stack space="space.100">
        <Text as="p">
          {plural(mergeableInsights, 'insight')} will move to {survivor.name}, and “{account.name}” will name{' '}
          {survivor.name} from now on. Scores of the issues they back are recomputed.
        </Text>
        <Inline space="space.100">
          <Button appearance="warning" onClick={confirm} isDisabled={merge.isPending}>
            Merge {plural(mergeableInsights, 'insight')}
          </Button>
          <Button appearance="subtle" onClick={() => setSurvivor(null)} isDisabled={merge.isPending}>
            Cancel
          </Button>
        </Inline>
      </Stack>
    </SectionMessage>
  );
}
