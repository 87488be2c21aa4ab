// Recognises the tool that produced a survey file from its header (never from the file
// name), and which columns are metadata (timestamps, e-mail, ids, Kobo `_` fields).
import type { SurveySource } from '../../shared/api/surveys.ts';
import { foldText } from '../../shared/text.ts';

export type MetaRole = 'timestamp' | 'timestamp_utc' | 'start' | 'email' | 'id' | 'validation' | 'other';

export interface MetaColumn {
  role: MetaRole;
  /** Spanish note for the UI. */
  note: string;
}

const key = (h: string) => foldText(h);

export function detectSource(headers: readonly string[], sampleValues: (col: number) => string[]): SurveySource {
  const keys = headers.map(key);
  const has = (k: string) => keys.includes(k);
  if (['_uuid', '_submission_time', '_validation_status', '_index', '__version__'].some(has)) return 'kobotoolbox';
  if (has('respondent id') && has('collector id')) return 'surveymonkey';
  if (has('submitdate') && (has('lastpage') || has('startlanguage'))) return 'limesurvey';
  if (has('id') && (has('hora de inicio') || has('start time')) && (has('hora de finalizacion') || has('completion time'))) {
    return 'microsoft_forms';
  }
  if (keys[0] === 'marca temporal' || keys[0] === 'timestamp') {
    // "Descargar respuestas (.csv)": "2026/02/05 2:07:09 p. m. GMT-4".
    const samples = sampleValues(0);
    if (samples.some((v) => /\bGMT[+-]?\d*/.test(v) || /^\d{4}\/\d{2}\/\d{2} /.test(v))) return 'google_forms_csv';
    return 'google_forms';
  }
  return 'manual';
}

const COMMON: Record<string, MetaColumn> = {
  'marca temporal': { role: 'timestamp', note: 'Marca temporal' },
  timestamp: { role: 'timestamp', note: 'Marca temporal' },
  'direccion de correo electronico': { role: 'email', note: 'Correo electrónico' },
  'correo electronico': { role: 'email', note: 'Correo electrónico' },
  'email address': { role: 'email', note: 'Correo electrónico' },
  email: { role: 'email', note: 'Correo electrónico' },
  'e-mail': { role: 'email', note: 'Correo electrónico' },
  puntuacion: { role: 'other', note: 'Puntuación del cuestionario' },
  score: { role: 'other', note: 'Puntuación del cuestionario' },
};

const BY_SOURCE: Partial<Record<SurveySource, Record<string, MetaColumn>>> = {
  kobotoolbox: {
    start: { role: 'start', note: 'Inicio de la entrevista' },
    end: { role: 'other', note: 'Fin de la entrevista' },
    today: { role: 'other', note: 'Fecha del dispositivo' },
    deviceid: { role: 'id', note: 'Dispositivo' },
    username: { role: 'id', note: 'Usuario' },
    _submission_time: { role: 'timestamp_utc', note: 'Hora de envío (UTC)' },
    _validation_status: { role: 'validation', note: 'Estado de validación' },
  },
  microsoft_forms: {
    id: { role: 'id', note: 'Identificador' },
    'hora de inicio': { role: 'start', note: 'Hora de inicio' },
    'start time': { role: 'start', note: 'Hora de inicio' },
    'hora de finalizacion': { role: 'timestamp', note: 'Hora de finalización' },
    'completion time': { role: 'timestamp', note: 'Hora de finalización' },
    'correo electronico': { role: 'email', note: 'Correo electrónico' },
    nombre: { role: 'id', note: 'Nombre de quien respondió' },
    name: { role: 'id', note: 'Nombre de quien respondió' },
    'hora de la ultima modificacion': { role: 'other', note: 'Última modificación' },
    'last modified time': { role: 'other', note: 'Última modificación' },
  },
  surveymonkey: {
    'respondent id': { role: 'id', note: 'Identificador' },
    'collector id': { role: 'id', note: 'Recopilador' },
    'start date': { role: 'start', note: 'Inicio' },
    'end date': { role: 'timestamp', note: 'Fin' },
    'ip address': { role: 'id', note: 'Dirección IP' },
    'email address': { role: 'email', note: 'Correo electrónico' },
    'first name': { role: 'id', note: 'Nombre' },
    'last name': { role: 'id', note: 'Apellido' },
    'custom data 1': { role: 'other', note: 'Datos personalizados' },
  },
  limesurvey: {
    id: { role: 'id', note: 'Identificador' },
    submitdate: { role: 'timestamp', note: 'Fecha de envío' },
    lastpage: { role: 'other', note: 'Última página' },
    startlanguage: { role: 'other', note: 'Idioma' },
    seed: { role: 'other', note: 'Semilla' },
    startdate: { role: 'start', note: 'Inicio' },
    datestamp: { role: 'other', note: 'Fecha de la última acción' },
    ipaddr: { role: 'id', note: 'Dirección IP' },
    refurl: { role: 'other', note: 'Página de origen' },
    token: { role: 'id', note: 'Token' },
  },
  manual: {
    no: { role: 'id', note: 'Número de encuesta' },
    'no.': { role: 'id', note: 'Número de encuesta' },
    'n°': { role: 'id', note: 'Número de encuesta' },
    'nº': { role: 'id', note: 'Número de encuesta' },
    '#': { role: 'id', note: 'Número de encuesta' },
    numero: { role: 'id', note: 'Número de encuesta' },
    'no. encuesta': { role: 'id', note: 'Número de encuesta' },
    'numero de encuesta': { role: 'id', note: 'Número de encuesta' },
    encuestador: { role: 'id', note: 'Encuestador' },
    'nombre del encuestador': { role: 'id', note: 'Encuestador' },
    id: { role: 'id', note: 'Identificador' },
  },
};

/** The column's metadata role, or null when it may be a question. */
export function metadataColumn(header: string, source: SurveySource): MetaColumn | null {
  const k = key(header);
  const own = BY_SOURCE[source]?.[k];
  if (own) return own;
  if (COMMON[k]) return COMMON[k]!;
  if (source === 'kobotoolbox' && (k.startsWith('_') || k === 'meta/instanceid' || k === 'instanceid' || k === 'audit')) {
    return {
      role: k === '_submission_time' ? 'timestamp_utc' : k === '_validation_status' ? 'validation' : 'id',
      note: 'Campo interno de KoboToolbox',
    };
  }
  return null;
}
