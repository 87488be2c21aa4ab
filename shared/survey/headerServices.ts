// Hand-typed surveys name the service in the header itself, without a tool's "[Servicio]"
// grid: "Satisfacción - Mercado municipal", "Mercado municipal: satisfacción",
// "¿Qué tan satisfecho está con el Mercado municipal?", "Satisfacción (Mercado municipal)".
// This reads those shapes across all of a file's question columns, so the columns that ask
// the same thing about different services are grouped like a grid: one stem, one service each.
import { foldText } from '../text.ts';

export interface HeaderService {
  /** The question the columns share ("Satisfacción"), shown as the group. */
  stem: string;
  service: string;
}

/** Words that say a part of a header is the question, not the service. */
const MEASURE =
  /\b(satisf\w*|calific\w*|evalu\w*|valor(?:a|e|acion|ación)\w*|opin\w*|recomend\w*|calidad|trato|amabilidad|rapidez|tiempo de espera|limpieza|puntuacion|nota|que tan|como)\b|[¿?]/;

const MAX_SERVICE = 80;

interface Candidate {
  left: string;
  right: string;
  /** The phrase shape: the left part is the question, always. */
  phrase: boolean;
}

/** "A - B", "A – B", "A: B", "A (B)" → the two parts; the phrase shape → question and service. */
export function headerParts(header: string): Candidate | null {
  const h = header.replace(/\s+/g, ' ').trim();
  const paren = /^(.*\S)\s*\(([^()]+)\)\s*[?.]*$/.exec(h);
  // "satisfecho(a)" is a word's ending, not a part.
  if (paren && !/^(a|o|as|os|a\/o|o\/a)$/i.test(paren[2]!.trim()))
    return { left: paren[1]!.trim(), right: paren[2]!.trim(), phrase: false };
  const dash = /^(.+?)\s+[-–—]\s+(.+)$/.exec(h);
  if (dash) return { left: dash[1]!.trim(), right: dash[2]!.trim(), phrase: false };
  const colon = /^([^:]+?)\s*:\s+(.+)$/.exec(h);
  if (colon) return { left: colon[1]!.trim(), right: colon[2]!.trim(), phrase: false };
  // "¿Qué tan satisfecho está con el Mercado municipal?", "¿Cómo califica la limpieza del Parque central?"
  const phrase =
    /^(.*\b(?:satisfech[oa]s?(?:\([ao]\))?|satisfacci[oó]n|califica\w*|eval[uú]a\w*|valora\w*|opina\w*)\b.*\s(?:(?:con|de|sobre|en|a)\s+(?:el|la|los|las)|del|al))\s+(?:servicios?\s+(?:de\s+(?:la\s+|los\s+|las\s+)?|del\s+))?(.+?)\s*[?.]*$/i.exec(
      h,
    );
  if (phrase) return { left: `${phrase[1]!.trim()} …${h.endsWith('?') ? '?' : ''}`, right: phrase[2]!.trim(), phrase: true };
  return null;
}

const isMeasure = (text: string) => MEASURE.test(foldText(text)) || /[¿?]/.test(text);

function plausibleService(text: string): boolean {
  const f = foldText(text);
  return (
    text.length > 0 &&
    text.length <= MAX_SERVICE &&
    /\p{L}{3}/u.test(text) &&
    !/^(servicios?|general|otros?|otra|total|promedio|si|no|n\/?a|pregunta \d+|p\d+)$/.test(f) &&
    !/^\d/.test(f) &&
    !/\b(escala|del? \d+ al? \d+|\d+ ?[-–a] ?\d+|opcional|especifique|marque|seleccione|puede elegir|una opcion|varias)\b/.test(f)
  );
}

/**
 * For each header, its stem and service when the header names one, else null. `eligible`
 * says which columns are questions that can be about a service (scales and choices).
 */
export function servicesFromHeaders(headers: readonly string[], eligible: (i: number) => boolean): (HeaderService | null)[] {
  const parts = headers.map((h, i) => (eligible(i) ? headerParts(h) : null));
  const count = (key: string) => {
    let n = 0;
    for (const p of parts) if (p && (foldText(p.left) === key || foldText(p.right) === key)) n++;
    return n;
  };
  const stemCount = (stem: string) => {
    let n = 0;
    for (const p of parts) if (p?.phrase && foldText(p.left) === foldText(stem)) n++;
    return n;
  };
  return parts.map((p) => {
    if (!p) return null;
    let stem: string;
    let service: string;
    if (p.phrase) {
      // A phrase names a service only when other columns ask the same of other things.
      if (stemCount(p.left) < 2) return null;
      [stem, service] = [p.left, p.right];
    } else {
      const [l, r] = [isMeasure(p.left), isMeasure(p.right)];
      if (l !== r) [stem, service] = l ? [p.left, p.right] : [p.right, p.left];
      else {
        // Neither or both sound like the question: the part other columns repeat is the question.
        const [nl, nr] = [count(foldText(p.left)), count(foldText(p.right))];
        if (nl >= 2 && nr < 2) [stem, service] = [p.left, p.right];
        else if (nr >= 2 && nl < 2) [stem, service] = [p.right, p.left];
        else return null;
      }
    }
    service = service.replace(/\s*[?.:]+$/, '').trim();
    return plausibleService(service) ? { stem, service } : null;
  });
}
