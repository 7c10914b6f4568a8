import { useState } from 'react';
import Button from '@atlaskit/button/default/button';
import { notify, toApiError } from '../../api';
import { fetchAllInsights, type LibraryFilter } from './hooks/useInsightLibrary';
import { describeError } from '../../shared/error-copy';
import { insightsToCsv } from './model/export-csv';
import { downloadText } from '../model/download';

interface Props {
  filter: LibraryFilter;
}

/** Exports every insight under the library's current filter (all pages) as a CSV file. */
export function ExportCsvButton({ filter }: Props): JSX.Element {
  const [exporting, setExporting] = useState(false);
  const exportCsv = async (): Promise<void> => {
    setExporting(true);
    try {
      const insights = await fetchAllInsights(filter);
      const day = new Date().toISOString().slice(0, 10);
      downloadText(
        insightsToCsv(insights),
        `customer-insights-${filter.status}-${day}.csv`,
        'text/csv;charset=utf-8'
      );
      notify('success', `Exported ${insights.length} insight${insights.length === 1 ? '' : 's'}`);
    } catch (error) {
      notify('error', 'Could not export the insights', describeError(toApiError(error), 'project-evidence'));
    } finally {
      setExporting(false);
    }
  };
  return (
    <Button onClick={() => void exportCsv()} isLoading={exporting} testId="export-csv">
      Export CSV
    </Button>
  );
}
