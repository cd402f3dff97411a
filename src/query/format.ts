// Plain-text renderings of tabular results: an aligned table for terminals and RFC 4180 CSV for scripts.

/** Rows of cells under named columns. */
export interface Table {
  columns: string[];
  rows: Array<Array<string | number | boolean | null | undefined>>;
}

export interface TableOptions {
  /** Longest cell shown; longer ones are cut with an ellipsis. */
  maxWidth?: number;
}
export const TABLE_DEFAULTS = { maxWidth: 80 } as const;

function cellText(value: string | number | boolean | null | undefined): string {
  return value === null || value === undefined ? "" : String(value);
}

/** Render a table with columns padded to their widest cell, a header and a rule. */
export function toTable(table: Table, options: TableOptions = {}): string {
  const maxWidth = options.maxWidth ?? TABLE_DEFAULTS.maxWidth;
  const fit = (value: string | number | boolean | null | undefined): string => {
    const chars = [...cellText(value).replace(/\s+/g, " ")];
    return chars.length > maxWidth ? chars.slice(0, maxWidth - 1).join("") + "…" : chars.join("");
  };
  const cells = [table.columns.map(fit), ...table.rows.map((row) => table.columns.map((_, i) => fit(row[i])))];
  const widths = table.columns.map((_, i) => Math.max(...cells.map((row) => [...row[i]].length)));
  const line = (row: string[]): string =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell + " ".repeat(widths[i] - [...cell].length)))
      .join("  ")
      .trimEnd();
  return [line(cells[0]), line(widths.map((w) => "-".repeat(w))), ...cells.slice(1).map(line)].join("\n") + "\n";
}

function csvField(value: string | number | boolean | null | undefined): string {
  const text = cellText(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Render a table as RFC 4180 CSV: a header record, CRLF line ends, fields with quotes, commas or line breaks quoted. */
export function toCsv(table: Table): string {
  return [table.columns, ...table.rows].map((row) => table.columns.map((_, i) => csvField(row[i])).join(",")).join("\r\n") + "\r\n";
}
