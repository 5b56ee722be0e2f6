import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importApiJsonGroups } from './import-api-json';
import { importCsvGroups, parseCsvRows } from './import-csv';
import { detectImportFormat, importGroupList } from './import-group-list';
import { importPastedGroups } from './import-paste';
import { GroupImportError } from './imported-groups';

const fixture = (name: string) => readFileSync(new URL(`../../tests/fixtures/groups/${name}`, import.meta.url), 'utf8');

describe('importPastedGroups', () => {
  it('trims, skips blanks, keeps case and keeps exact duplicates once', () => {
    const result = importPastedGroups('Developers\r\n  QA-Team \n\n developers\nDevelopers\n');
    expect(result.groups.map((g) => g.name)).toEqual(['Developers', 'QA-Team', 'developers']);
    expect(result.duplicates).toEqual(['Developers']);
  });

  it('marks the Members group as the default group', () => {
    const result = importPastedGroups(fixture('groups.txt'));
    expect(result.groups.filter((g) => g.isDefault).map((g) => g.name)).toEqual(['Members']);
    expect(result.groups).toHaveLength(4);
  });

  it('returns no groups for blank input', () => {
    expect(importPastedGroups(' \n\n').groups).toEqual([]);
  });
});

describe('importCsvGroups', () => {
  it('reads the name column of a headed CSV with quoted fields', () => {
    const result = importCsvGroups(fixture('groups.csv'));
    expect(result.groups).toEqual([
      { name: 'Developers', description: 'Engineering', membersCount: 30, isDefault: false },
      { name: 'QA, Release', description: 'Quality and release', membersCount: 6, isDefault: false },
      { name: 'Say "hi"', membersCount: 1, isDefault: false },
      { name: 'Members', description: 'All members', membersCount: 42, isDefault: true },
    ]);
  });

  it('finds the name column wherever it is', () => {
    const result = importCsvGroups('id;Group Name;default\n1;Dev;false\n2;Everyone;true\n');
    expect(result.groups).toEqual([
      { name: 'Dev', isDefault: false },
      { name: 'Everyone', isDefault: true },
    ]);
  });

  it('uses the first column without a header', () => {
    expect(importCsvGroups('Dev,engineering\nOps,operations\n').groups.map((g) => g.name)).toEqual(['Dev', 'Ops']);
  });

  it('uses the first column and warns when the header has no name column', () => {
    const result = importCsvGroups('id,description\nDev,x\n');
    expect(result.groups.map((g) => g.name)).toEqual(['Dev']);
    expect(result.warnings[0]).toMatch(/No "name" column/);
  });

  it('keeps line breaks inside quoted fields', () => {
    expect(parseCsvRows('name,description\r\n"A","two\nlines"\r\n')).toEqual([
      ['name', 'description'],
      ['A', 'two\nlines'],
    ]);
  });

  it('explains an unclosed quote and an empty file', () => {
    expect(() => importCsvGroups('name\n"Dev\n')).toThrow(/never closed/);
    expect(() => importCsvGroups('\n\n')).toThrow(GroupImportError);
    expect(() => importCsvGroups('name\n')).toThrow(/no group names/);
  });
});

describe('importApiJsonGroups', () => {
  it('reads one page and marks the default group', () => {
    const result = importApiJsonGroups(fixture('user-groups-search-page1.json'));
    expect(result.groups[0]).toEqual({ name: 'Members', description: 'All members of the organization', membersCount: 42, isDefault: true });
    expect(result.groups.map((g) => g.name)).toEqual(['Members', 'Developers', 'QA-Team']);
    expect(result.warnings[0]).toMatch(/5 groups but the JSON holds 3 \(about 1 page\(s\) missing\)/);
  });

  it('merges an array of pages without warnings when complete', () => {
    const result = importApiJsonGroups(fixture('user-groups-search-pages.json'));
    expect(result.groups).toHaveLength(5);
    expect(result.warnings).toEqual([]);
    expect(result.groups.at(-1)?.name).toBe('release managers');
  });

  it('marks a group named Members as default even without the flag', () => {
    const result = importApiJsonGroups('{"groups":[{"name":"Members"},{"name":"members"}]}');
    expect(result.groups.map((g) => g.isDefault)).toEqual([true, false]);
  });

  it('gives clear messages for broken or foreign JSON', () => {
    expect(() => importApiJsonGroups('{"groups": [')).toThrow(/not valid JSON/);
    expect(() => importApiJsonGroups('{"users": []}')).toThrow(/expected an object with a "groups" array/);
    expect(() => importApiJsonGroups('[{"groups":[]},{"groups":[{"id":1}]}]')).toThrow(/Page 2 of the JSON: group #1 has no "name"/);
    expect(() => importApiJsonGroups('[]')).toThrow(/empty array/);
  });
});

describe('importGroupList', () => {
  it('detects the format from the text and file name', () => {
    expect(detectImportFormat(' {"groups":[]}')).toBe('api-json');
    expect(detectImportFormat('[')).toBe('api-json');
    expect(detectImportFormat('Dev\nOps', 'list.csv')).toBe('csv');
    expect(detectImportFormat('name,description\nDev,x')).toBe('csv');
    expect(detectImportFormat('R&D, Europe\nOps')).toBe('paste');
    expect(detectImportFormat('"unclosed, x\nOps')).toBe('paste');
  });

  it('honours an explicit format', () => {
    expect(importGroupList('name,description\nDev,x', { format: 'paste' }).groups.map((g) => g.name)).toEqual([
      'name,description',
      'Dev,x',
    ]);
  });
});
