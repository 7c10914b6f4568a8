import { useEffect, useState } from 'react';
import SectionMessage from '@atlaskit/section-message';
import { Stack, Text } from '@atlaskit/primitives/compiled';
import type { AccessView } from '../../../../src/contract/views';
import { Loading } from '../../shared/Loading';
import { LoadError } from '../LoadError';
import { AccountDetails } from './AccountDetails';
import { AccountPicker } from './AccountPicker';
import { useAccountView } from './hooks/useAccounts';

interface Props {
  access: AccessView;
  /**
   * An account to show, opened from elsewhere on the page; a new object each time it is
   * asked for, so opening the same account again shows it again.
   */
  open?: { key: string; name: string };
}

function ChosenAccount({
  accountKey,
  access,
  onMerged
}: {
  accountKey: string;
  access: AccessView;
  onMerged: (account: { key: string; name: string }) => void;
}): JSX.Element {
  const { load, reload } = useAccountView(accountKey);
  if (load.status === 'loading') return <Loading what="the account" testId="account-loading" />;
  if (load.status === 'error') {
    // Customer identity is restricted for this person: there is no account view to give.
    if (load.error.code === 'FORBIDDEN')
      return (
        <SectionMessage appearance="information" title="Customer accounts are hidden for you">
          <Text as="p">The privacy settings hide customer names and revenue from you.</Text>
        </SectionMessage>
      );
    return <LoadError what="this account" error={load.error} onRetry={reload} testId="account-load-error" />;
  }
  return <AccountDetails view={load.data} canCurate={access.canCurate} onMerged={onMerged} />;
}

/** The Accounts tab: pick a customer account and see what it asked for in this project. */
export function AccountsView({ access, open }: Props): JSX.Element {
  const [chosen, setChosen] = useState<{ key: string; name: string } | null>(open ?? null);
  // An account opened from elsewhere on the page (an insight's account name) replaces the pick.
  useEffect(() => {
    if (open) setChosen({ key: open.key, name: open.name });
  }, [open]);
  return (
    <Stack space="space.200">
      <AccountPicker id="account-find" label="Find an account" onPick={setChosen} />
      {chosen ? (
        <ChosenAccount key={chosen.key} accountKey={chosen.key} access={access} onMerged={setChosen} />
      ) : (
        <Text color="color.text.subtle">
          Pick an account to see its insights, the issues it backs and its history.
        </Text>
      )}
    </Stack>
  );
}
