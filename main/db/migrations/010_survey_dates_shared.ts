// survey.dates_dict may now name the column whose values the response dates are, as
// {"column": N} with an empty dates_codes, instead of holding a second copy of that column's
// dictionary and codes (main/survey/store.ts). No table changes: the migration marks the new
// form, so a Mejora from before it refuses the file instead of misreading its surveys.
export const sql = `
-- survey.dates_dict: a JSON array of days (as before) or {"column": N}.
SELECT 1;
`;
