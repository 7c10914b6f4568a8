import Papa from 'papaparse';

/** One data row of a CSV file: its cells by header, and the file line it starts on. */
export interface CsvRow {
  /** 1-based line of the file where the row starts (the header is line 1). */
  line: number;
  cells: Readonly<Record<string, string>>;
}

export interface CsvFile {
  headers: string[];
  rows: CsvRow[];
  /** Papaparse's complaints (unclosed quotes, ragged rows), with the line they are on. */
  problems: string[];
}

/**
 * Parses CSV text with papaparse (`header: true`, empty lines skipped) and keeps each
 * row's line number in the file, so every report can point at the line people see in
 * their editor. Quoted cells may span lines: a row's line is where it starts.
 *
 * Line endings are normalised first (a file mixing CRLF and LF would otherwise confuse
 * papaparse's newline detection), and a UTF-8 byte-order mark is dropped.
 */
export function parseCsv(text: string): CsvFile {
  const source = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const rows: CsvRow[] = [];
  const problems: string[] = [];
  let headers: string[] = [];
  // Newlines before `counted` are in `newlines`: counting is incremental, O(file).
  let counted = 0;
  let newlines = 0;
  Papa.parse<Record<string, unknown>>(source, {
    header: true,
    skipEmptyLines: true,
    transformHeader: (h) => h.trim(),
    step: (result) => {
      if (headers.length === 0) headers = (result.meta.fields ?? []).filter((f) => f !== '');
      // The cursor is past the row's own line break, which belongs to the next line.
      const cursor = result.meta.cursor;
      const end = source.charCodeAt(cursor - 1) === 10 ? cursor - 1 : cursor;
      for (; counted < end; counted++) if (source.charCodeAt(counted) === 10) newlines++;
      const cells: Record<string, string> = {};
      let inner = 0;
      for (const [name, value] of Object.entries(result.data)) {
        const text = Array.isArray(value)
          ? value.map(String).join(',')
          : typeof value === 'string'
            ? value
            : '';
        inner += text.split('\n').length - 1;
        if (name !== '__parsed_extra') cells[name] = text;
      }
      const line = 1 + newlines - inner;
      rows.push({ line, cells });
      for (const e of result.errors) problems.push(`Line ${line}: ${e.message}`);
    }
  });
  if (headers.length === 0) {
    // A file with a header and no data row never reaches `step`: read the header alone.
    const firstLine = source.split('\n', 1)[0] ?? '';
    headers = (Papa.parse<string[]>(firstLine).data[0] ?? []).map((h) => h.trim()).filter((h) => h !== '');
  }
  return { headers, rows, problems };
}
