// The lines a plan file carries above its header besides the title ("Nombre de la
// Organización: …", "Fecha de elaboración: …"), as a JSON list of { label, value }
// (shared/planMetadata.ts), so an export writes them back where they were.
export const sql = `
ALTER TABLE plan ADD COLUMN metadata TEXT NOT NULL DEFAULT '[]';
`;
