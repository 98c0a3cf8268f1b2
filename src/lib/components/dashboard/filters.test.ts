import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS, checkMapTheme, dashboardSearch } from './filters';
import { parseDashboardFilters } from './parse-filters';

const parse = (query: string) => parseDashboardFilters(new URLSearchParams(query));

describe('parseDashboardFilters', () => {
  it('gives the defaults for an empty URL', () => {
    expect(parse('')).toEqual({ filters: DEFAULT_FILTERS, errors: {} });
  });

  it('reads funder, years, measure, expanded themes and gap sort', () => {
    const { filters, errors } = parse(
      'funder=Open-Society&from=2021&to=2024&measure=money&expand=legal-aid&expand=health&gapsort=country&gapdir=desc'
    );
    expect(errors).toEqual({});
    expect(filters).toEqual({
      funder: 'open-society',
      from: 2021,
      to: 2024,
      measure: 'money',
      expand: ['legal-aid', 'health'],
      gapSort: 'country',
      gapDir: 'desc',
      gapPage: 1,
      region: null,
      mapTheme: null
    });
  });

  it('treats blank fields (an untouched form) as not set', () => {
    expect(parse('funder=&from=&to=+')).toEqual({ filters: DEFAULT_FILTERS, errors: {} });
  });

  it('names each bad field and falls back to its default', () => {
    const { filters, errors } = parse('funder=<script>&from=20x1&to=3000&measure=bananas&gapdir=up');
    expect(Object.keys(errors).sort()).toEqual(['from', 'funder', 'gapdir', 'measure', 'to']);
    expect(errors.funder?.code).toBe('slug');
    expect(errors.from).toMatchObject({ code: 'year', message: expect.stringMatching(/^from: /) });
    expect(errors.to?.message).toBe('to: must be 2200 or earlier');
    expect(errors.measure?.code).toBe('choice');
    expect(filters).toEqual(DEFAULT_FILTERS);
  });

  it('rejects an end year before the start year, keeping the start year', () => {
    const { filters, errors } = parse('from=2024&to=2020');
    expect(errors.to).toEqual({ code: 'order', message: 'to: must not be before from (2024)' });
    expect(filters.from).toBe(2024);
    expect(filters.to).toBeNull();
  });

  it('reads the gap page and names a bad one', () => {
    expect(parse('gappage=3').filters.gapPage).toBe(3);
    for (const bad of ['0', '-1', '2.5', 'two', '10001']) {
      const { filters, errors } = parse(`gappage=${bad}`);
      expect(errors.gappage, bad).toMatchObject({ code: 'page', message: expect.stringMatching(/^gappage: /) });
      expect(filters.gapPage).toBe(1);
    }
  });

  it('reads a heatmap region and names an unknown one', () => {
    expect(parse('region=south').filters.region).toBe('south');
    const { filters, errors } = parse('region=atlantis');
    expect(errors.region).toMatchObject({ code: 'choice', message: 'region: must be one of north, west, south, east' });
    expect(filters.region).toBeNull();
  });

  it('reads the map theme, names a malformed one, and drops one the directory does not know', () => {
    expect(parse('maptheme=Legal-Aid').filters.mapTheme).toBe('legal-aid');
    expect(dashboardSearch(parse('maptheme=legal-aid').filters)).toBe('?maptheme=legal-aid');
    const bad = parse('maptheme=<b>');
    expect(bad.errors.maptheme?.message).toMatch(/^maptheme: must be a theme slug/);
    expect(bad.filters.mapTheme).toBeNull();
    const unknown = parse('maptheme=basket-weaving');
    checkMapTheme(unknown.filters, unknown.errors, new Set(['legal-aid']));
    expect(unknown.errors.maptheme).toMatchObject({ code: 'unknown_theme' });
    expect(unknown.filters.mapTheme).toBeNull();
  });

  it('rejects fractional years', () => {
    expect(parse('from=2020.5').errors.from?.code).toBe('year');
  });
});

describe('dashboardSearch', () => {
  it('leaves defaults out and round-trips through the parser', () => {
    expect(dashboardSearch(DEFAULT_FILTERS)).toBe('');
    const filters = {
      ...DEFAULT_FILTERS,
      funder: 'x-fund',
      from: 2020,
      to: 2022,
      measure: 'ties' as const,
      expand: ['health'],
      gapPage: 2,
      region: 'east' as const
    };
    const search = dashboardSearch(filters);
    expect(search).toBe('?funder=x-fund&from=2020&to=2022&measure=ties&expand=health&gappage=2&region=east');
    expect(parse(search.slice(1)).filters).toEqual(filters);
  });

  it('applies a change without touching the rest', () => {
    const filters = { ...DEFAULT_FILTERS, funder: 'x-fund' };
    expect(dashboardSearch(filters, { gapSort: 'money', gapDir: 'desc' })).toBe(
      '?funder=x-fund&gapsort=money&gapdir=desc'
    );
  });
});
