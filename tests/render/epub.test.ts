import { describe, expect, it } from 'vitest';
import type { Dossier } from '../../src/model.js';
import { bookIdentifier } from '../../src/render/epub/book.js';
import { memoryDossier } from '../helpers.js';

const dossier = (text: string): Dossier =>
  memoryDossier({}, { body: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: text }] }] } });

describe('the EPUB identifier', () => {
  it('is a UUID URN that depends only on the content', () => {
    const id = bookIdentifier(dossier('Same words.'));
    expect(id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(bookIdentifier(dossier('Same words.'))).toBe(id);
    expect(bookIdentifier(dossier('Other words.'))).not.toBe(id);
  });
});
