// Is this file a survey's answers? The survey importer's own reading, and then one rule: the
// file comes from a survey tool (Google Forms, KoboToolbox, Microsoft Forms…) or has a question
// answered on a scale (Satisfecho, 1–5, 0–10). The plan importer asks it when a file has no
// plan in it, so a survey dropped into "Importar plan" is named for what it is.
import { planHeaderScore } from '../planfile/headerLayout.ts';
import { parseSurvey } from './parseSurvey.ts';

export async function looksLikeSurveyFile(bytes: Uint8Array, fileName: string): Promise<boolean> {
  try {
    const parsed = await parseSurvey(bytes, fileName);
    // A plan saved as CSV reads as "answers" too: its headers say what it is.
    if (planHeaderScore(parsed.columns.map((c) => c.header))) return false;
    return parsed.source !== 'manual' || parsed.columns.some((c) => c.config.kind === 'scale');
  } catch {
    return false;
  }
}

/** The message for a survey file given to "Importar plan", naming the file and the right door. */
export function surveyFileInPlanDoor(fileName: string): string {
  const name = fileName ? `«${fileName}»` : 'Este archivo';
  return `${name} es una encuesta (respuestas de personas): use Importar encuesta (en Encuestas) o, en la línea de comandos, «mejora import-survey ARCHIVO». No se ha importado nada.`;
}
