// What a format reader (CSV, XLSX) hands over: the file's grid, still untyped.

/** A raw value: text as written, a number stored as such (XLSX), or undefined when a CSV row stops short. */
export type RawValue = string | number | undefined;

export interface RawTable {
  /** Line (CSV) or sheet row (XLSX) of the header. */
  headerLine: number;
  /** Header names, trimmed, by position: header[0] is column 1; "" for an empty header cell. */
  header: string[];
  /**
   * Values by column, parallel to `header`: columns[c][r] is the value of data row r; undefined for
   * a column not read (a CSV keeps only the declared ones). A reader that leaves columns unread
   * leaves out blank lines itself, since it alone sees every field.
   */
  columns: (RawValue[] | undefined)[];
  /** Line (or sheet row) of each data row, parallel to the column arrays. */
  lines: number[];
  /** The sheet read, for a workbook: its cells are named in messages as the spreadsheet shows them. */
  sheet?: string;
  /** The first lines of the file split into fields, to spot a header declared on the wrong line. */
  preview: string[][];
}
