import { describe, expect, it } from 'vitest';
import { createInput, readOrganizationForm, updateInput } from './organization-form';

function formData(entries: [string, string][]): FormData {
  const form = new FormData();
  for (const [key, value] of entries) form.append(key, value);
  return form;
}

describe('organisation form', () => {
  const posted = formData([
    ['name', '  Refugee Law Clinic  '],
    ['type', 'NGO'],
    ['website', 'not a url'],
    ['foundedYear', '3000'],
    ['description', ''],
    ['countries', 'DE'],
    ['countries', 'AT'],
    ['levels', 'LOCAL'],
    ['contactEmailVisibility', 'PUBLIC']
  ]);

  it('keeps what was typed, trimmed, with every list', () => {
    const values = readOrganizationForm(posted);
    expect(values).toMatchObject({ name: 'Refugee Law Clinic', website: 'not a url', foundedYear: '3000' });
    expect(values.countries).toEqual(['DE', 'AT']);
    expect(values.themes).toEqual([]);
  });

  it('sends an update with every field, emptied ones as null (the API clears them)', () => {
    const input = updateInput('T3JnOjE=', readOrganizationForm(posted));
    expect(input).toMatchObject({
      id: 'T3JnOjE=',
      website: 'not a url',
      foundedYear: 3000,
      description: null,
      hqCity: null
    });
    expect(input.themes).toEqual([]);
  });

  it('leaves empty fields out of a create so the API defaults apply', () => {
    const input = createInput(readOrganizationForm(posted));
    expect('description' in input).toBe(false);
    expect('contactPhoneVisibility' in input).toBe(false);
    expect(input.contactEmailVisibility).toBe('PUBLIC');
  });

  it('passes a non-numeric year through as text for the API to refuse', () => {
    const input = updateInput('x', readOrganizationForm(formData([['foundedYear', 'nineteen']])));
    expect(input.foundedYear).toBe('nineteen');
  });
});
