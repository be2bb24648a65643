// The EPUB's cover: a picture of the cover page (templates/cover-image.njk)
// taken by Chromium, so e-readers' shelves show the dossier's title.
import type { Browser } from 'puppeteer';
import type { Dossier } from '../model.js';
import { offlinePage } from './browser.js';
import type { Templates } from './templates.js';
import { dossierView } from './view.js';

/** 1600 × 2560 pixels: the 1:1.6 cover Kindle, Kobo and Apple Books ask for. */
const WIDTH = 800;
const HEIGHT = 1280;
const SCALE = 2;

export async function renderCover(dossier: Dossier, templates: Templates, browser: Browser): Promise<Uint8Array> {
  const css = await templates.file('dossier.css');
  const html = templates.render('cover-image.njk', { ...dossierView(dossier, { headlineLevel: 1, format: 'epub' }), css });
  const page = await offlinePage(browser, { javaScript: false });
  try {
    await page.setViewport({ width: WIDTH, height: HEIGHT, deviceScaleFactor: SCALE });
    await page.setContent(html, { waitUntil: 'load' });
    return await page.screenshot({ type: 'png', clip: { x: 0, y: 0, width: WIDTH, height: HEIGHT } });
  } finally {
    await page.close();
  }
}
