// The language and direction a saved page states: `<html lang dir>`, else the
// `content-language` header saved as a meta tag, else Open Graph's locale.
import { type Direction, directionValue, languageTag } from '../language.js';
import { elements } from './page-dates.js';

export function pageLanguage(document: Document): { language?: string; direction?: Direction } {
  const html = document.documentElement;
  const metas = elements(document, 'meta');
  const meta = (attribute: string, value: string) =>
    metas.find((element) => element.getAttribute(attribute)?.trim().toLowerCase() === value)?.getAttribute('content');
  const language =
    languageTag(html.getAttribute('lang')) ??
    languageTag(html.getAttribute('xml:lang')) ??
    languageTag(meta('http-equiv', 'content-language')) ??
    languageTag(meta('name', 'language')) ??
    languageTag(meta('property', 'og:locale'));
  const direction = directionValue(html.getAttribute('dir')) ?? directionValue(document.body?.getAttribute('dir'));
  return { ...(language ? { language } : {}), ...(direction ? { direction } : {}) };
}
