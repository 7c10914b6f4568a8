import { useState } from 'react';
import Button from '@atlaskit/button/default/button';
import { Box, Stack, Text } from '@atlaskit/primitives/compiled';
import { token } from '@atlaskit/tokens';
import { TextInputField } from '../../shared/forms/TextInputField';
import { useAccountMatches } from './hooks/useAccounts';

interface Props {
  id: string;
  label: string;
  /** Accounts not to offer (the one being merged away). */
  exclude?: string;
  onPick: (account: { key: string; name: string }) => void;
}

/** Finds a stored account by the start of its name and lets the person pick one. */
export function AccountPicker({ id, label, exclude, onPick }: Props): JSX.Element {
  const [query, setQuery] = useState('');
  const matches = useAccountMatches(query);
  const offered = matches.status === 'ready' ? matches.data.filter((a) => a.key !== exclude) : [];
  return (
    <Stack space="space.050">
      <TextInputField
        id={id}
        label={label}
        helper="Type the start of the account’s name."
        value={query}
        onChange={setQuery}
        error={undefined}
        testId={`${id}-input`}
      />
      {matches.status === 'error' ? (
        <Text color="color.text.danger">Accounts could not be looked up. Try again.</Text>
      ) : null}
      {query.trim() !== '' && matches.status === 'ready' && offered.length === 0 ? (
        <Text color="color.text.subtle">No account’s name begins with “{query.trim()}”.</Text>
      ) : null}
      {offered.length > 0 ? (
        <Box
          as="ul"
          aria-label={`${label}: matching accounts`}
          style={{
            margin: 0,
            paddingInlineStart: 0,
            listStyle: 'none',
            display: 'flex',
            flexWrap: 'wrap',
            gap: token('space.050')
          }}
        >
          {offered.map((account) => (
            <Box as="li" key={account.key}>
              <Button spacing="compact" onClick={() => onPick(account)}>
                {account.name}
              </Button>
            </Box>
          ))}
        </Box>
      ) : null}
    </Stack>
  );
}
