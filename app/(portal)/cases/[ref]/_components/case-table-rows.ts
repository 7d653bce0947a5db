/** Rows a table of the case page shows before "Show all": a long record's page stays small. */
export const CASE_TABLE_ROWS = 20;
