import Button from '@atlaskit/button/default/button';
import { Box } from '@atlaskit/primitives/compiled';
import { token } from '@atlaskit/tokens';
import type { Account } from '../../../../src/domain/account';
import { TextInputField } from '../forms/TextInputField';
import type { AccountChoice } from './account-choice';
import type { AccountChoiceState } from './useAccountChoice';

interface Props {
  id: string;
  value: string;
  onChange: (value: string) => void;
  /** A stored account was picked from the matches. */
  onPick: (account: Account) => void;
  state: AccountChoiceState;
  error: string | undefined;
}

function helperOf(choice: AccountChoice): string {
  switch (choice.kind) {
    case 'existing':
      return `Existing account: ${choice.account.name}. Its name stays as stored.`;
    case 'new':
      return `A new account “${choice.name}” will be created.`;
    case 'undecided':
      return `No account is called “${choice.name}” yet: pick one below or create it.`;
    default:
      return 'Leave empty for an anonymous voice.';
  }
}

/**
 * The capture form's account: a text field that offers the stored accounts whose name
 * begins with what was typed, and asks before a name no account has becomes a new one.
 */
export function AccountField({ id, value, onChange, onPick, state, error }: Props): JSX.Element {
  const { matches, choice } = state;
  const exactKey = choice.kind === 'existing' ? choice.account.key : undefined;
  const offered = matches ? matches.view.items.filter((a) => a.key !== exactKey) : [];
  return (
    <Box>
      <TextInputField
        id={id}
        label="Account"
        helper={helperOf(choice)}
        value={value}
        onChange={onChange}
        error={error}
        testId="capture-account-name"
      />
      {offered.length > 0 || choice.kind === 'undecided' ? (
        <Box paddingBlockStart="space.050">
          <Box
            as="ul"
            aria-label="Matching accounts"
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
            {choice.kind === 'undecided' ? (
              <Box as="li">
                <Button spacing="compact" appearance="subtle" onClick={state.confirmNew}>
                  {`Create account “${choice.name}”`}
                </Button>
              </Box>
            ) : null}
          </Box>
        </Box>
      ) : null}
    </Box>
  );
}
