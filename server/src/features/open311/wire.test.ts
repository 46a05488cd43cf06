import { describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { isoWithOffset } from './dates';
import { toXml } from './wire';

describe('Open311 wire format', () => {
  it('writes dates with the area offset, summer and winter', () => {
    expect(isoWithOffset(new Date('2026-07-01T12:00:00Z'), 'Europe/London')).toBe(
      '2026-07-01T13:00:00+01:00',
    );
    expect(isoWithOffset(new Date('2026-01-15T12:00:05Z'), 'Europe/London')).toBe(
      '2026-01-15T12:00:05+00:00',
    );
    expect(isoWithOffset(new Date('2026-01-15T12:00:00Z'), 'America/New_York')).toBe(
      '2026-01-15T07:00:00-05:00',
    );
  });

  it('builds XML lists with the spec element names, escaping text', () => {
    const xml = toXml([{ code: 404, description: 'a <b> & "c"', media_url: null }], {
      root: 'errors',
      item: 'error',
    });
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    const parsed = new XMLParser({ parseTagValue: false }).parse(xml);
    expect(parsed.errors.error).toEqual({ code: '404', description: 'a <b> & "c"', media_url: '' });
  });

  it('names nested list items as the spec does', () => {
    const xml = toXml(
      { service_code: 'x', attributes: [{ code: 'y', values: [{ key: 'k', name: 'n' }] }] },
      { root: 'service_definition' },
    );
    expect(xml).toContain('<attributes>');
    expect(xml).toContain('<attribute>');
    expect(xml).toMatch(/<values>\s*<value>\s*<key>k<\/key>/);
  });
});
