import { useId, useState, type ChangeEvent } from 'react';
import Button from '@atlaskit/button/default/button';
import SectionMessage from '@atlaskit/section-message';
import TextArea from '@atlaskit/textarea';
import { Label } from '@atlaskit/form';
import { Stack, Text } from '@atlaskit/primitives/compiled';
import { token } from '@atlaskit/tokens';
import { readFileText } from './model/read-file';

interface Props {
  onLoad: (name: string, text: string) => void;
}

/** Step 1: a CSV file from disk, or CSV text pasted from a spreadsheet or tool. */
export function ImportSource({ onLoad }: Props): JSX.Element {
  const id = useId();
  const [pasted, setPasted] = useState('');
  const [error, setError] = useState<string | null>(null);

  const choose = (event: ChangeEvent<HTMLInputElement>): void => {
    const file = event.currentTarget.files?.[0];
    event.currentTarget.value = '';
    if (!file) return;
    setError(null);
    readFileText(file).then(
      (text) => onLoad(file.name, text),
      (e: unknown) => setError(e instanceof Error ? e.message : 'The file could not be read.')
    );
  };

  return (
    <Stack space="space.250">
      <Text color="color.text.subtle">
        Bring in insights from a CSV export of a support, survey or CRM tool. The first line must name the
        columns; you map them to insight fields next. Importing the same file again creates no duplicates.
      </Text>
      <Stack space="space.050">
        <Label htmlFor={`${id}-file`}>CSV file</Label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".csv,text/csv,text/plain"
          onChange={choose}
          data-testid="import-file"
          style={{ font: token('font.body'), color: token('color.text') }}
        />
      </Stack>
      <Stack space="space.050">
        <Label htmlFor={`${id}-paste`}>Or paste CSV text</Label>
        <TextArea
          id={`${id}-paste`}
          value={pasted}
          onChange={(e) => setPasted(e.currentTarget.value)}
          minimumRows={6}
          placeholder={'summary,quote,account,observed at\nExport is slow,"It takes forever",Acme,2025-05-01'}
          testId="import-paste"
        />
        <div>
          <Button
            isDisabled={pasted.trim() === ''}
            onClick={() => onLoad('pasted text', pasted)}
            testId="import-paste-submit"
          >
            Use pasted text
          </Button>
        </div>
      </Stack>
      {error ? (
        <SectionMessage appearance="error" testId="import-read-error">
          <Text as="p">{error}</Text>
        </SectionMessage>
      ) : null}
    </Stack>
  );
}
