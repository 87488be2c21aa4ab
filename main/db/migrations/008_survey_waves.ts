// Issue 9 item 6 (survey waves): an indicator's baseline is pinned to the wave chosen when
// it was linked, so a later import never moves it. Existing links keep the wave that was
// their baseline until now (the form's first wave).
export const sql = `
ALTER TABLE survey_indicator ADD COLUMN baseline_survey_id INTEGER REFERENCES survey(id) ON DELETE SET NULL;
UPDATE survey_indicator SET baseline_survey_id = (
  SELECT s.id FROM survey s WHERE s.form_id = survey_indicator.form_id
  ORDER BY COALESCE(s.date_from, '9999'), s.id LIMIT 1
);
`;
