/**
 * CSV / formula injection (OWASP "CSV Injection"): a cell that begins with = + - @, a tab or a carriage return may be
 * read as a formula once the file is re-saved as CSV or the cell is edited. Such text gets a leading apostrophe, which
 * spreadsheet programs read as "this is text". Every export writes its text cells through this.
 */
export function spreadsheetText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
