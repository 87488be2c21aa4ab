// API methods for citizen survey spreadsheets (import, mapping, results, indicators).
// Filled in by the survey work (issue 4).
export const surveysContract = {};
