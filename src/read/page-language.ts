// The language and direction a saved page states: `<html lang dir>`, else the
// `content-language` header saved as a meta tag, else Open Graph's locale.
import { type Direction, directionValue, languageTag } from '../language.js';

export function pageLanguage(document: Document): { language?: string; direction?: Direction } {
  const html = document.documentElement;
  const meta = (selector: string) => document.querySelector(selector)?.getAttribute('content');
  const language =
    languageTag(html.getAttribute('lang')) ??
    languageTag(html.getAttribute('xml:lang')) ??
    languageTag(meta('meta[http-equiv="content-language" i]')) ??
    languageTag(meta('meta[name="language" i]')) ??
    languageTag(meta('meta[property="og:locale"]'));
  const direction = directionValue(html.getAttribute('dir')) ?? directionValue(document.body?.getAttribute('dir'));
  return { ...(language ? { language } : {}), ...(direction ? { direction } : {}) };
}
