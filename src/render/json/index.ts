// The JSON writer: dossier.json, with every warning the other formats gave.
import { kilobytes, type Writer } from '../writer.js';
import { renderJson } from './record.js';

export const jsonWriter: Writer = {
  format: 'json',
  reportsWarnings: true,
  async write(dossier, context) {
    const json = renderJson(dossier, { markdown: context.formats.includes('md') });
    return { outputs: [{ file: 'dossier.json', data: json }], warnings: [], summary: kilobytes(json) };
  },
};
