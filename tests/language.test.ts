// The language a text's script makes clear. Arabic script is written for
// Arabic, Persian and Urdu: the letters each adds tell them apart, so a
// Persian or Urdu page is not marked (and hyphenated, and read aloud) as Arabic.
import { describe, expect, it } from 'vitest';
import { directionOf, languageFromScript } from '../src/language.js';

describe('languageFromScript', () => {
  it.each([
    ['Arabic', 'أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في المدينة لخدمة السكان في المنطقة الشمالية', 'ar'],
    ['Persian', 'شهرداری تهران روز دوشنبه اعلام کرد که خطوط جدید مترو تا پایان سال آینده به بهره برداری می رسد', 'fa'],
    ['Urdu', 'کراچی میں بارش کے بعد شہر کی کئی سڑکیں پانی میں ڈوب گئیں اور ٹریفک کا نظام درہم برہم ہو گیا ہے', 'ur'],
  ])('%s', (_name, text, language) => {
    expect(languageFromScript(text)).toBe(language);
    expect(directionOf(language)).toBe('rtl');
  });
});
