// The sample note of the walkthrough (media/walkthrough/sample-note.pnote), read with the bundled knowledge
// alone, as in a workspace without knowledge files: it has officials and figures to hover, a date, and
// exactly one fact-check finding, with a quick fix.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { factCheck, FactRule } from '../../src/core/checks/factCheck';
import { noteDateOf } from '../../src/core/checks/noteDate';
import { findUnknownOfficials } from '../../src/core/checks/unknownOfficials';
import { mergeKnowledge } from '../../src/core/knowledge/knowledge';
import { MentionMatcher } from '../../src/core/matching/mentionMatcher';
import { loadFile } from './support/knowledge';

const repoRoot = join(__dirname, '..', '..', '..');
const read = (path: string): string => readFileSync(join(repoRoot, path), 'utf8');
const knowledge = mergeKnowledge(
  loadFile(read('src/bundled/us-china-2025.trade.yaml'), 'trade-notes-bundled:/us-china-2025.trade.yaml'),
  [],
).knowledge;
const text = read('media/walkthrough/sample-note.pnote');
// The walkthrough opens it as an untitled document: only its text can give its date.
const uri = 'untitled:Untitled-1';
const mentions = new MentionMatcher(knowledge).scan(text);

describe('The sample note of the walkthrough', () => {
  it('is dated by its front matter', () => {
    assert.equal(noteDateOf(text, uri)?.iso, '2025-06-12');
    assert.equal(noteDateOf(text, uri)?.source, 'front matter');
  });

  it('names officials and tariff figures the bundled knowledge has', () => {
    const officials = new Set(mentions.flatMap((m) => (m.kind === 'official' ? [m.officialId] : [])));
    for (const id of ['he-lifeng', 'scott-bessent', 'howard-lutnick', 'jamieson-greer'])
      assert.ok(officials.has(id), id);
    const first = mentions.find((m) => m.kind === 'official');
    assert.equal(first && text.slice(first.start, first.end), 'Vice Premier He Lifeng');
    const figure = mentions.find((m) => m.kind === 'figure');
    assert.equal(figure && text.slice(figure.start, figure.end), '145%');
    assert.equal(figure?.kind === 'figure' && figure.tariffIds[0], 'us-on-cn');
  });

  it('has exactly one fact-check finding, the stale current rate, fixed to 30%', () => {
    const findings = factCheck({ uri, text, mentions, knowledge });
    assert.equal(findings.length, 1, JSON.stringify(findings));
    const [finding] = findings;
    assert.equal(finding!.code, FactRule.notCurrent);
    assert.equal(finding!.start, text.lastIndexOf('145%'));
    const { start, end, text: replacement } = finding!.fix!;
    assert.equal(text.slice(0, start) + replacement + text.slice(end), text.replace(/145%\.\n$/, '30%.\n'));
  });

  it('gets no unknown-official hints', () => {
    assert.deepEqual(findUnknownOfficials(text, mentions, knowledge), []);
  });
});
