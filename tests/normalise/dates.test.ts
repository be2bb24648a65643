// Publication dates as cuttings print them. A dateline is a line that is a
// date and nothing else; a stated date (front matter, config) is any full
// date in the text.
import { describe, expect, it } from 'vitest';
import { parseDateline, parseStatedDate } from '../../src/normalise/dates.js';

describe('parseDateline', () => {
  it('reads a published-and-updated dateline with times in GMT', () => {
    const text = '21/03/2012 11:27 GMT | Updated 21/03/2012 12:20 GMT';
    expect(parseDateline(text)).toEqual({
      date: '2012-03-21',
      published: '2012-03-21T11:27:00Z',
      updated: '2012-03-21T12:20:00Z',
      dateline: text,
    });
  });

  it('reads numbers under a CJK label as a dateline, and not a CJK sentence that starts with a date', () => {
    expect(parseDateline('发布时间：2016-10-14 07:17')).toEqual({ date: '2016-10-14', published: '2016-10-14T07:17:00', dateline: '发布时间：2016-10-14 07:17' });
    expect(parseDateline('来源：新华网 2016/10/14')).toEqual({ date: '2016-10-14', dateline: '来源：新华网 2016/10/14' });
    expect(parseDateline('2016-10-14 市政府宣布了一项新的计划，以便更好地管理城市交通。')).toBeUndefined();
  });

  it('reads a site name glued to a CJK date as a dateline, and not a short sentence or quotation holding one', () => {
    expect(parseDateline('TNW中文站2016年10月14日07:17')).toMatchObject({ date: '2016-10-14', published: '2016-10-14T07:17:00' });
    expect(parseDateline('입력 2016.10.14. 오전 9:30')).toMatchObject({ date: '2016-10-14' });
    // Korean prose is spaced and ends with a full stop; Japanese quotes in 「」.
    expect(parseDateline('관장은 어제 "2016년 3월 1일 이용자 조사를 시작했다"고 말했다.')).toBeUndefined();
    expect(parseDateline('市長は「2016年10月14日に始める」と')).toBeUndefined();
  });

  it('reads a US long date with the weekday', () => {
    expect(parseDateline('Friday, January 4, 2019')).toEqual({ date: '2019-01-04', dateline: 'Friday, January 4, 2019' });
  });

  it('reads a UK long date', () => {
    expect(parseDateline('21 March 2012')).toEqual({ date: '2012-03-21', dateline: '21 March 2012' });
  });

  it('reads an ISO 8601 date', () => {
    expect(parseDateline('2012-03-21')).toEqual({ date: '2012-03-21', dateline: '2012-03-21' });
  });

  it('gives no time when none is printed, and a local time without offset when no zone is printed', () => {
    expect(parseDateline('21 March 2012')).not.toHaveProperty('published');
    expect(parseDateline('2019-01-04 09:30')?.published).toBe('2019-01-04T09:30:00');
  });

  it('reads 04/05/2012 day-first by default and month-first when asked', () => {
    expect(parseDateline('04/05/2012')?.date).toBe('2012-05-04');
    expect(parseDateline('04/05/2012', 'day-first')?.date).toBe('2012-05-04');
    expect(parseDateline('04/05/2012', 'month-first')?.date).toBe('2012-04-05');
  });

  it('keeps the BST offset of a "Published:" dateline', () => {
    expect(parseDateline('Published: 3 May 2012 14:05 BST')).toEqual({
      date: '2012-05-03',
      published: '2012-05-03T14:05:00+01:00',
      dateline: 'Published: 3 May 2012 14:05 BST',
    });
  });

  it('keeps the dateline as printed, trimmed', () => {
    expect(parseDateline('  21 March 2012  ')?.dateline).toBe('21 March 2012');
  });

  it.each([
    'The meeting on 21 March 2012 was private.',
    'Ministers met on 21 March 2012 to discuss the plan',
    'By Jane Smith, 21 March 2012',
  ])('does not take prose that contains a date for a dateline: %s', (text) => {
    expect(parseDateline(text)).toBeUndefined();
  });

  it.each(['21 March', 'Friday, January 4', 'Updated 11:27 GMT'])('does not take a date without a year for a dateline: %s', (text) => {
    expect(parseDateline(text)).toBeUndefined();
  });

  it('does not take text without a date for a dateline', () => {
    expect(parseDateline('Minister defends school meals plan')).toBeUndefined();
    expect(parseDateline('')).toBeUndefined();
  });
});

describe('parseStatedDate', () => {
  it('reads the usual forms', () => {
    expect(parseStatedDate('2012-03-21')).toEqual({ date: '2012-03-21' });
    expect(parseStatedDate('21 March 2012')).toEqual({ date: '2012-03-21' });
    expect(parseStatedDate('Friday, January 4, 2019')).toEqual({ date: '2019-01-04' });
  });

  it('finds a full date inside other words, unlike a dateline', () => {
    expect(parseStatedDate('The meeting on 21 March 2012 was private.')).toEqual({ date: '2012-03-21' });
  });

  it('keeps the time and zone when given', () => {
    expect(parseStatedDate('3 May 2012 14:05 BST')).toEqual({ date: '2012-05-03', published: '2012-05-03T14:05:00+01:00' });
  });

  it('follows the date order', () => {
    expect(parseStatedDate('04/05/2012')?.date).toBe('2012-05-04');
    expect(parseStatedDate('04/05/2012', 'month-first')?.date).toBe('2012-04-05');
  });

  it('gives nothing for a date without a year or for text that is not a date', () => {
    expect(parseStatedDate('21 March')).toBeUndefined();
    expect(parseStatedDate('sometime soon')).toBeUndefined();
  });
});
