import Button from '@atlaskit/button/default/button';
import type { ShippedIssueView } from '../../../../src/contract/views';
import { notify } from '../../api';
import { downloadText } from '../model/download';
import { shippedToCsv } from './model/shipped-csv';

interface Props {
  issues: readonly ShippedIssueView[];
  days: number;
}

/** Exports the shipped list as shown (the whole answer: it is not paged) as a CSV file. */
export function ShippedExportButton({ issues, days }: Props): JSX.Element {
  const exportCsv = (): void => {
    const day = new Date().toISOString().slice(0, 10);
    downloadText(shippedToCsv(issues), `shipped-for-customers-${days}d-${day}.csv`, 'text/csv;charset=utf-8');
    notify('success', `Exported ${issues.length} shipped issue${issues.length === 1 ? '' : 's'}`);
  };
  return (
    <Button onClick={exportCsv} isDisabled={issues.length === 0} testId="shipped-export">
      Export CSV
    </Button>
  );
}
