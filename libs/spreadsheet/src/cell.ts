/**
 * Tables people bring in: CSV, text pasted from a spreadsheet (tab-separated), or an Excel workbook
 * (its first sheet). Cells come back as text, numbers or dates, the first row being the header.
 */
export type Cell = string | number | boolean | Date | null;
