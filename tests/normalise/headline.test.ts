// The structure detectors' line tests: is this line a headline, a quotation,
// a related link? And the short headline made from a lede when the cutting
// lost its own.
import { describe, expect, it } from 'vitest';
import { isWhollyQuoted, quoteLeftOpen } from '../../src/normalise/block-quotes.js';
import { deriveHeadline, isHeadlineLike } from '../../src/normalise/headline.js';
import { isRelatedLinkLine } from '../../src/normalise/related-links.js';

const wordCount = (text: string) => text.replace(/…$/u, '').split(/\s+/).filter(Boolean).length;

describe('isHeadlineLike', () => {
  it.each([
    'Airport expansion approved after public inquiry',
    'Minister defends school meals plan',
    'Is this the end for the high street?',
    'Trains cancelled, roads closed',
    'Waiting for news...',
    'Waiting for news…',
    'Livingstone: "I will not apologise"',
  ])('takes a short line that does not end like a sentence for a headline: %s', (line) => {
    expect(isHeadlineLike(line)).toBe(true);
  });

  it.each([
    'The minister resigned on Tuesday.',
    'The figures are out,',
    'Storm hits coast;',
    'Vote counted:',
    '',
    'Ministers have approved a second runway at Northfield airport after a public inquiry that lasted eighteen months and heard from more than four hundred witnesses',
  ])('does not take a sentence, a clause or a long line for a headline: %s', (line) => {
    expect(isHeadlineLike(line)).toBe(false);
  });
});

describe('deriveHeadline', () => {
  const lede =
    'Shadow health secretary Maria Lopez has called for an inquiry into hospital waiting times after figures showed that one patient in five waited more than four hours, according to a report published on Tuesday.';

  it('makes a short headline from the main clause of the first sentence', () => {
    const headline = deriveHeadline(lede);
    expect(headline).toBe('Maria Lopez has called for an inquiry into hospital waiting times');
    expect(wordCount(headline)).toBeLessThanOrEqual(13);
  });

  it('drops ", according to …" attribution and the final stop', () => {
    expect(deriveHeadline('The council has closed the library, according to officials.')).toBe('The council has closed the library');
  });

  it('drops "it has emerged" style attribution', () => {
    expect(deriveHeadline('The mayor used public money for a private trip, it has emerged. More follows.')).toBe(
      'The mayor used public money for a private trip',
    );
  });

  it('cuts a long sentence at "after"', () => {
    expect(
      deriveHeadline(
        'Police are investigating a burglary at a jewellery shop in the town centre after thieves smashed the window in the early hours of Sunday morning.',
      ),
    ).toBe('Police are investigating a burglary at a jewellery shop in the town centre');
  });

  it('cuts a long sentence at "because" and drops a leading role before the name', () => {
    const headline = deriveHeadline(
      'London mayoral candidate Ken Livingstone has said he will not apologise for his remarks because he believes they were misreported. He added more.',
    );
    expect(headline).toBe('Ken Livingstone has said he will not apologise for his remarks');
    expect(headline).not.toMatch(/because|mayoral/);
  });

  it('keeps a leading "The" that is not a role', () => {
    expect(deriveHeadline('The mayor of a small town in the north of England has resigned after a row over expenses claims.')).toBe(
      'The mayor of a small town in the north of England has resigned',
    );
  });

  it('shortens a sentence with no clause break to about twelve words and marks the cut', () => {
    const headline = deriveHeadline(
      'Residents of the small coastal village of Porthcombe have been told that their homes could be lost to the sea within the next twenty years unless new flood defences are built.',
    );
    expect(headline.endsWith('…')).toBe(true);
    expect(wordCount(headline)).toBeLessThanOrEqual(13);
    expect(headline.startsWith('Residents of the small coastal village of Porthcombe')).toBe(true);
  });

  it('uses only the first sentence, reading "Mr." as an abbreviation', () => {
    expect(deriveHeadline('Mr. Smith went to Washington. Then he left.')).toBe('Mr. Smith went to Washington');
  });

  it('capitalises the first letter', () => {
    expect(deriveHeadline('the mayor resigned.')).toBe('The mayor resigned');
  });
});

describe('isWhollyQuoted', () => {
  it.each([
    '"Every child deserves a hot lunch."',
    '"Every child deserves a hot lunch".',
    '“Every child deserves a hot lunch.”',
    '"Will it work?"',
    '"It will!"!',
  ])('is true for a paragraph that is one quotation: %s', (text) => {
    expect(isWhollyQuoted(text)).toBe(true);
  });

  it.each([
    '"It is a good start," he said, "but only a start."',
    'He said "yes".',
    '"Opened but never closed.',
    '“Opened but never closed.',
    '“One” and “two”',
    '"Yes," he said.',
  ])('is false when anything but a final stop is outside the marks: %s', (text) => {
    expect(isWhollyQuoted(text)).toBe(false);
  });
});

describe('quoteLeftOpen', () => {
  it('is open after a paragraph that opens a quotation and does not close it', () => {
    expect(quoteLeftOpen('A spokeswoman said: "The scheme will be reviewed after a year.', false)).toBe(true);
    expect(quoteLeftOpen('She said: “The scheme will be reviewed.', false)).toBe(true);
  });

  it('stays open over a continuing paragraph that re-opens with a mark and does not close', () => {
    expect(quoteLeftOpen('"We will publish the figures in full.', true)).toBe(true);
  });

  it('closes on the paragraph that ends the quotation', () => {
    expect(quoteLeftOpen('"Nothing will be hidden."', true)).toBe(false);
    expect(quoteLeftOpen('“Nothing will be hidden.”', true)).toBe(false);
  });

  it('leaves the state alone for a paragraph without marks, and for balanced marks', () => {
    expect(quoteLeftOpen('No quotation here.', false)).toBe(false);
    expect(quoteLeftOpen('No quotation here.', true)).toBe(true);
    expect(quoteLeftOpen('"It is," he said, "a start."', false)).toBe(false);
  });
});

describe('isRelatedLinkLine', () => {
  it.each([
    'Read more: Northfield runway inquiry in numbers',
    'The Campaigners Who Took On The Airport',
    "Ken Livingstone's Rich Jews Letter: Full Text",
    'Why Did The Runway Get Approved?',
    'See also the report',
    'Related: flood defences',
  ])('takes a short title-case line or a "Read more" line for a link: %s', (line) => {
    expect(isRelatedLinkLine(line)).toBe(true);
  });

  it.each([
    'Campaigners said they would seek a judicial review.',
    'the campaigners who took on the airport',
    '1. Manchester United 45',
    '- Link Title Here',
    'J. Smith (Arsenal)',
    'Arsenal, Chelsea, Spurs,',
    'Manchester',
    'He Said It Was "Very Good Indeed"',
  ])('does not take a sentence, a list item or a single word for a link: %s', (line) => {
    expect(isRelatedLinkLine(line)).toBe(false);
  });
});
