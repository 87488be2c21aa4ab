// What the file dialog offers when attaching evidence (documents and images; the backend's
// allowlist is what decides, and names a refused type in Spanish), and sizes for people.

export const EVIDENCE_ACCEPT = [
  '.pdf',
  '.jpg',
  '.jpeg',
  '.png',
  '.gif',
  '.webp',
  '.bmp',
  '.tif',
  '.tiff',
  '.heic',
  '.doc',
  '.docx',
  '.odt',
  '.rtf',
  '.txt',
  '.xls',
  '.xlsx',
  '.ods',
  '.csv',
  '.ppt',
  '.pptx',
  '.odp',
].join(',');

/** "850 KB", "1,2 MB" (es-DO). */
export function fileSizeText(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('es-DO')} KB`;
  return `${(bytes / 1_048_576).toLocaleString('es-DO', { maximumFractionDigits: 1 })} MB`;
}
