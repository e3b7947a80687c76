import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  insertOfficial,
  newKnowledgeFile,
  officialIdFor,
  yamlScalar,
  type NewOfficial,
} from '../../src/core/authoring/officialSkeleton';
import { loadKnowledgeFile } from '../../src/core/knowledge/loadKnowledgeFile';
import type { Official } from '../../src/core/knowledge/types';

const HEADER = 'kind: trade-knowledge\nversion: 1\n';
const ZHANG: NewOfficial = {
  id: 'zhang-wei',
  name: 'Zhang Wei',
  title: 'Commerce Minister',
  alias: 'Commerce Minister Zhang Wei',
};

/** Inserts, checks the result loads without any problem, and returns the new text and the official read back. */
function insertAndLoad(
  text: string,
  official: NewOfficial = ZHANG,
): { text: string; official: Official; entryLine: string } {
  const insertion = insertOfficial(text, official);
  assert.ok(insertion, 'an insertion is offered');
  const result = text.slice(0, insertion.offset) + insertion.text + text.slice(insertion.offset);
  const { file, problems } = loadKnowledgeFile('file:///k.trade.yaml', result);
  assert.deepEqual(problems, [], `loads cleanly:\n${result}`);
  const loaded = file!.officials.find((o) => o.id === official.id);
  assert.ok(loaded, `the new official is read back:\n${result}`);
  const lineEnd = result.indexOf('\n', insertion.entryStart);
  return {
    text: result,
    official: loaded,
    entryLine: result.slice(insertion.entryStart, lineEnd < 0 ? undefined : lineEnd),
  };
}

describe('officialIdFor', () => {
  it('makes a valid id from the name, and a free one', () => {
    assert.equal(
      officialIdFor('Zhang Wei', () => false),
      'zhang-wei',
    );
    assert.equal(
      officialIdFor('Maroš Šefčovič', () => false),
      'maros-sefcovic',
    );
    assert.equal(
      officialIdFor("O'Brien-Smith", () => false),
      'o-brien-smith',
    );
    assert.equal(
      officialIdFor('何立峰', () => false),
      'official',
    );
    const taken = new Set(['zhang-wei', 'zhang-wei-2']);
    assert.equal(
      officialIdFor('Zhang Wei', (id) => taken.has(id)),
      'zhang-wei-3',
    );
  });
});

describe('insertOfficial', () => {
  it('adds the entry after the last official, with the same indentation, and selects its first line', () => {
    const text = `${HEADER}officials:\n    - id: a\n      name: A\n      title: T   # note\ntimeline: []\n`;
    const result = insertAndLoad(text);
    assert.equal(
      result.text,
      `${HEADER}officials:\n    - id: a\n      name: A\n      title: T   # note\n    - id: zhang-wei\n      name: Zhang Wei\n      aliases: [Commerce Minister Zhang Wei]\n      title: Commerce Minister\n      country:\ntimeline: []\n`,
    );
    assert.equal(result.entryLine, '- id: zhang-wei');
    assert.deepEqual(result.official.aliases, ['Commerce Minister Zhang Wei']);
    assert.equal(result.official.country, undefined, 'country is left to fill in');
  });

  it('follows flow-style entries in a block list, and a list at the same indentation as its key', () => {
    const result = insertAndLoad(`${HEADER}officials:\n- { id: a, name: A, title: T }\n`);
    assert.ok(
      result.text.includes('\n- { id: a, name: A, title: T }\n- id: zhang-wei\n  name: Zhang Wei\n'),
      result.text,
    );
  });

  it('adds to a flow list, empty or not', () => {
    assert.match(
      insertAndLoad(`${HEADER}officials: []\n`).text,
      /officials: \[\{ id: zhang-wei, name: Zhang Wei, aliases: \[Commerce Minister Zhang Wei\], title: Commerce Minister \}\]/,
    );
    assert.match(
      insertAndLoad(`${HEADER}officials: [{ id: a, name: A, title: T }]\n`).text,
      /title: T \}, \{ id: zhang-wei/,
    );
  });

  it('fills an empty officials: key and creates the section when there is none', () => {
    assert.ok(insertAndLoad(`${HEADER}officials:\ntimeline: []\n`).text.includes('officials:\n  - id: zhang-wei\n'));
    assert.equal(
      insertAndLoad(HEADER.trimEnd()).text,
      `${HEADER}officials:\n  - id: zhang-wei\n    name: Zhang Wei\n    aliases: [Commerce Minister Zhang Wei]\n    title: Commerce Minister\n    country:\n`,
    );
  });

  it('keeps CRLF files loadable', () => {
    insertAndLoad(`${HEADER}officials:\n  - id: a\n    name: A\n    title: T\n`.replace(/\n/g, '\r\n'));
  });

  it('offers nothing for files it cannot extend safely', () => {
    assert.equal(insertOfficial(`${HEADER}officials: [ unclosed\n`, ZHANG), undefined, 'YAML errors');
    assert.equal(insertOfficial('{ kind: trade-knowledge, version: 1 }\n', ZHANG), undefined, 'a flow mapping');
    assert.equal(insertOfficial(`${HEADER}officials: null\n`, ZHANG), undefined, 'an explicit null');
    assert.equal(insertOfficial(`${HEADER}officials: { a: 1 }\n`, ZHANG), undefined, 'not a list');
  });

  it('writes any name and title so that they read back exactly, in every file shape', () => {
    const text = fc.string({
      unit: fc.constantFrom(
        'a',
        'Z',
        'é',
        ' ',
        ':',
        '#',
        '-',
        "'",
        '"',
        ',',
        '[',
        '{',
        '%',
        '*',
        '&',
        '!',
        '1',
        '\\',
        '何',
      ),
      minLength: 1,
      maxLength: 12,
    });
    const shapes = [
      `${HEADER}officials:\n  - { id: a, name: A, title: T }\n`,
      `${HEADER}officials: []\n`,
      HEADER,
      `${HEADER}officials:\n`,
    ];
    fc.assert(
      fc.property(text, text, fc.constantFrom(...shapes), (name, title, shape) => {
        fc.pre(name.trim() !== '' && title.trim() !== '');
        const official = { id: 'new-person', name, title, alias: `${title} ${name}` };
        const loaded = insertAndLoad(shape, official).official;
        assert.deepEqual([loaded.name, loaded.title, loaded.aliases], [name, title, [`${title} ${name}`]]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('yamlScalar', () => {
  it('keeps ordinary names plain and quotes what YAML would read differently', () => {
    assert.equal(yamlScalar('Zhang Wei'), 'Zhang Wei');
    assert.equal(yamlScalar("O'Brien"), "O'Brien");
    assert.equal(yamlScalar('yes'), '"yes"');
    assert.equal(yamlScalar('2025'), '"2025"');
    assert.equal(yamlScalar('A: B'), '"A: B"');
  });
});

describe('newKnowledgeFile', () => {
  it('is a complete knowledge file with the official', () => {
    const { file, problems } = loadKnowledgeFile('untitled:new', newKnowledgeFile(ZHANG));
    assert.deepEqual(problems, []);
    assert.deepEqual(
      file?.officials.map((o) => [o.id, o.name, o.title]),
      [['zhang-wei', 'Zhang Wei', 'Commerce Minister']],
    );
  });
});
