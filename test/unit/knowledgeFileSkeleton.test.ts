// The skeleton of Trade Notes: New Knowledge File, and how the new file is named.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import {
  DEFAULT_KNOWLEDGE_FILE_NAME,
  freeFileName,
  knowledgeFileName,
  knowledgeFileSkeleton,
} from '../../src/core/authoring/knowledgeFileSkeleton';
import { insertOfficial } from '../../src/core/authoring/officialSkeleton';
import { mergeKnowledge } from '../../src/core/knowledge/knowledge';
import { loadKnowledgeFile, TOP_LEVEL_KEYS } from '../../src/core/knowledge/loadKnowledgeFile';
import { loadFile } from './support/knowledge';

const repoRoot = join(__dirname, '..', '..', '..');
const URI = 'file:///work/notes/knowledge.trade.yaml';
const skeleton = knowledgeFileSkeleton('2026-03-01');
/** What Toggle Line Comment does to the examples: it removes `# ` from each line. */
const uncommented = skeleton.replace(/^# (?= )/gm, '');

describe('New knowledge file: the skeleton', () => {
  it('loads without a single problem, as an empty file with its asOf date', () => {
    const { file, problems } = loadKnowledgeFile(URI, skeleton);
    assert.deepEqual(problems, []);
    assert.ok(file);
    assert.equal(file.asOf, '2026-03-01');
    assert.deepEqual([file.countries, file.officials, file.tariffs, file.timeline], [[], [], [], []]);
  });

  it('has every top-level key of format version 1, in the README order, each with a comment', () => {
    const keys = [...skeleton.matchAll(/^([A-Za-z]+):/gm)].map((match) => match[1]);
    assert.deepEqual(keys, TOP_LEVEL_KEYS);
    for (const key of ['countries', 'officials', 'tariffs', 'timeline'])
      assert.match(skeleton, new RegExp(`^# .*\\n${key}:`, 'm'), `a comment above ${key}`);
  });

  it('is valid against the JSON Schema of format version 1', () => {
    const schema = JSON.parse(readFileSync(join(repoRoot, 'schemas', 'trade-knowledge.schema.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true }).compile(schema);
    assert.ok(validate(parse(skeleton)), JSON.stringify(validate.errors));
    assert.ok(validate(parse(uncommented)), JSON.stringify(validate.errors));
  });

  it('has examples that load once uncommented, with the bundled knowledge, without a problem', () => {
    const bundled = loadFile(
      readFileSync(join(repoRoot, 'src', 'bundled', 'us-china-2025.trade.yaml'), 'utf8'),
      'trade-notes-bundled:/us-china-2025.trade.yaml',
    );
    const { file, problems } = loadKnowledgeFile(URI, uncommented);
    assert.deepEqual(problems, []);
    assert.ok(file);
    assert.deepEqual(
      [file.countries, file.officials, file.tariffs, file.timeline].map((entries) => entries.length),
      [1, 1, 1, 1],
    );
    // References between the examples (and to CN of the bundled file) all resolve.
    const merged = mergeKnowledge(bundled, [file]);
    assert.deepEqual(merged.problems, []);
    assert.equal(merged.knowledge.officials.get('jane-doe')?.title, 'Trade Minister');
  });

  it('takes an official from the unknown-official quick fix', () => {
    const insertion = insertOfficial(skeleton, { id: 'zhang-wei', name: 'Zhang Wei', title: 'Commerce Minister' });
    assert.ok(insertion);
    const text = skeleton.slice(0, insertion.offset) + insertion.text + skeleton.slice(insertion.offset);
    const { file, problems } = loadKnowledgeFile(URI, text);
    assert.deepEqual(problems, []);
    assert.deepEqual(
      file?.officials.map((official) => official.id),
      ['zhang-wei'],
    );
  });
});

describe('New knowledge file: its name', () => {
  it('adds the ending of knowledge files to what was typed', () => {
    const typed = ['eu-watch', '  eu-watch.trade.yaml ', 'talks.2025', '会谈'];
    assert.deepEqual(typed.map(knowledgeFileName), [
      'eu-watch.trade.yaml',
      'eu-watch.trade.yaml',
      'talks.2025.trade.yaml',
      '会谈.trade.yaml',
    ]);
  });

  it('refuses what cannot be a file name on every system', () => {
    for (const typed of [
      '',
      '  ',
      '.',
      '..',
      'a/b',
      'a\\b',
      'c:x',
      'what?',
      'a*',
      'x"y',
      'a<b',
      'a|b',
      'tab\there',
      'end.',
    ])
      assert.equal(knowledgeFileName(typed), undefined, JSON.stringify(typed));
  });

  it('numbers the name until it is free, before the ending', () => {
    const taken = new Set([DEFAULT_KNOWLEDGE_FILE_NAME, 'knowledge-2.trade.yaml', 'notes.md']);
    const isTaken = (name: string): boolean => taken.has(name);
    assert.equal(freeFileName('free.trade.yaml', isTaken), 'free.trade.yaml');
    assert.equal(freeFileName(DEFAULT_KNOWLEDGE_FILE_NAME, isTaken), 'knowledge-3.trade.yaml');
    assert.equal(freeFileName('notes.md', isTaken), 'notes-2.md');
  });
});
