// Cells named as a spreadsheet shows them: column letters then row number (Communes!D14).

/** 1-based column position → letters: 1 → A, 26 → Z, 27 → AA. */
export function columnLetters(index: number): string {
  let letters = "";
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** "Communes!D14" (quoted when the sheet's name has spaces, as the spreadsheet writes it). */
export function cellName(sheet: string, column: number, row: number): string {
  return `${/^[\p{L}\d_]+$/u.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`}!${columnLetters(column)}${row}`;
}
