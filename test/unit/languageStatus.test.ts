// The text of the language status of policy notes: the knowledge in use, problems in knowledge files, the note's date.
import assert from 'node:assert/strict';
import { noteDateOf } from '../../src/core/checks/noteDate';
import {
  knowledgeProblemsStatus,
  knowledgeStatus,
  noteDateStatus,
  type FileProblems,
  type KnowledgeInUse,
  type StatusLine,
} from '../../src/core/status/languageStatus';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configureL10n } from '../../src/core/l10n/l10n';

const inUse: KnowledgeInUse = { searching: false, usesBundled: true, files: 2, officials: 14, tariffs: 9 };

describe('Language status: the knowledge in use', () => {
  it('counts the sources, officials and tariffs', () => {
    assert.deepEqual(knowledgeStatus({ ...inUse, asOf: '2025-12-31' }), {
      text: 'bundled + 2 files, 14 officials, 9 tariffs',
      detail: 'as of 31 Dec 2025',
      severity: 'information',
    });
  });

  it('says one file, one official, one tariff; the bundled knowledge alone; workspace files alone', () => {
    const text = (changes: Partial<KnowledgeInUse>): string => knowledgeStatus({ ...inUse, ...changes }).text;
    assert.equal(text({ files: 1, officials: 1, tariffs: 1 }), 'bundled + 1 file, 1 official, 1 tariff');
    assert.equal(text({ files: 0 }), 'bundled, 14 officials, 9 tariffs');
    assert.equal(text({ usesBundled: false, officials: 3, tariffs: 0 }), '2 files, 3 officials, 0 tariffs');
    assert.equal(text({ usesBundled: false, files: 1, officials: 0 }), '1 file, 0 officials, 9 tariffs');
    assert.equal(knowledgeStatus({ ...inUse, files: 0 }).detail, '', 'no asOf, no detail');
  });

  it('says when there is no knowledge, and while the workspace is searched', () => {
    assert.deepEqual(knowledgeStatus({ ...inUse, usesBundled: false, files: 0, officials: 0, tariffs: 0 }), {
      text: 'No knowledge loaded',
      detail: 'turn on the bundled knowledge or add a knowledge file',
      severity: 'information',
    });
    assert.equal(knowledgeStatus({ ...inUse, searching: true }).text, 'Looking for knowledge files…');
  });

  it('is written in the display language, with its numbers and dates', () => {
    const zhCn = JSON.parse(readFileSync(join(__dirname, '../../../l10n/bundle.l10n.zh-cn.json'), 'utf8')) as Record<
      string,
      string
    >;
    configureL10n({ bundle: zhCn, language: 'zh-cn' });
    try {
      assert.deepEqual(knowledgeStatus({ ...inUse, officials: 1400, asOf: '2025-12-31' }), {
        text: '内置 + 2 个文件，1,400 位官员，9 项关税',
        detail: '截至2025年12月31日',
        severity: 'information',
      });
    } finally {
      configureL10n(undefined);
    }
  });
});

describe('Language status: problems in knowledge files', () => {
  const named = (names: string[], errors: number, warnings: number): FileProblems[] =>
    names.map((name) => ({ name: `${name}.trade.yaml`, errors, warnings }));
  const cases: [string, FileProblems[], StatusLine | undefined][] = [
    [
      'is an error while any file has errors, naming the files with errors',
      [...named(['knowledge/broken'], 2, 1), ...named(['knowledge/team'], 0, 3)],
      { text: 'Errors in 1 knowledge file', detail: 'knowledge/broken.trade.yaml', severity: 'error' },
    ],
    [
      'is a warning when files have only warnings',
      named(['a', 'b'], 0, 2),
      { text: 'Warnings in 2 knowledge files', detail: 'a.trade.yaml, b.trade.yaml', severity: 'warning' },
    ],
    [
      'names two files and counts the rest',
      named(['a', 'b', 'c', 'd'], 1, 0),
      { text: 'Errors in 4 knowledge files', detail: 'a.trade.yaml, b.trade.yaml and 2 more', severity: 'error' },
    ],
    ['is absent when no file has a problem', named(['a'], 0, 0), undefined],
    ['is absent when there are no files', [], undefined],
  ];
  for (const [title, files, expected] of cases)
    it(title, () => assert.deepEqual(knowledgeProblemsStatus(files), expected));
});

describe("Language status: the note's date", () => {
  const status = (text: string, uri = 'file:///notes/note.pnote') => noteDateStatus(noteDateOf(text, uri));

  it('gives the date and where the note says it', () => {
    assert.deepEqual(status('---\ndate: 2025-06-12\n---\n# Note\n'), {
      text: 'Dated 12 Jun 2025',
      detail: 'from its front matter',
      severity: 'information',
    });
    assert.equal(status('# London talks debrief (9–10 June 2025)\n').text, 'Dated 10 Jun 2025');
    assert.equal(status('# London talks debrief (9–10 June 2025)\n').detail, 'from its first heading');
    assert.deepEqual(
      [status('Text.', 'file:///notes/2025-06-12-desk-draft.pnote')].map((s) => [s.text, s.detail]),
      [['Dated 12 Jun 2025', 'from its file name']],
    );
  });

  it('says how to date an undated note', () => {
    assert.deepEqual(status('# Weekly note\n'), {
      text: 'No date',
      detail: 'add date: YYYY-MM-DD to its front matter',
      severity: 'information',
    });
  });
});
