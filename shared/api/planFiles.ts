// API methods for the official plan spreadsheet (import, export, update from a file).
// Filled in by the plan-spreadsheet work (issue 3).
export const planFilesContract = {};
