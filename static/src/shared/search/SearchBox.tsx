import { useId, useState, type FormEvent } from 'react';
import Button from '@atlaskit/button/default/button';
import Textfield from '@atlaskit/textfield';
import { Label } from '@atlaskit/form';
import { Box, Inline, Stack } from '@atlaskit/primitives/compiled';

interface Props {
  label: string;
  placeholder: string;
  onSearch: (query: string) => void;
  searching?: boolean;
  /** Refuse an empty search (the contract requires a query). */
  required?: boolean;
  testId: string;
  initial?: string;
}

/** A labelled search field that searches on Enter or with its button. */
export function SearchBox({
  label,
  placeholder,
  onSearch,
  searching = false,
  required = false,
  testId,
  initial = ''
}: Props): JSX.Element {
  const id = useId();
  const [query, setQuery] = useState(initial);
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (required && query.trim() === '') return;
    onSearch(query.trim());
  };
  return (
    <form onSubmit={submit} role="search">
      <Stack space="space.050">
        <Label htmlFor={id}>{label}</Label>
        <Inline space="space.100" alignBlock="center">
          <Box style={{ flexGrow: 1, maxWidth: '32rem' }}>
            <Textfield
              id={id}
              value={query}
              onChange={(e) => setQuery(e.currentTarget.value)}
              placeholder={placeholder}
              maxLength={200}
              testId={testId}
            />
          </Box>
          <Button type="submit" isLoading={searching} testId={`${testId}-submit`}>
            Search
          </Button>
        </Inline>
      </Stack>
    </form>
  );
}
