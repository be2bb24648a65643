// The HTML page: one self-contained file, stylesheet inline, no scripts.
// The PDF is this same page printed.
import type { Dossier } from '../../model.js';
import type { Templates } from '../view/templates.js';
import { dossierView } from '../view/dossier-view.js';

export async function renderHtml(dossier: Dossier, templates: Templates): Promise<string> {
  const css = await templates.file('dossier.css');
  return templates.render('dossier.njk', { ...dossierView(dossier, { headlineLevel: 2, format: 'html' }), css });
}
