// The labelled fact-check corpus (test/fixtures/fact-check/), read for the unit tests and the bench.
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { factCheck, type FactFinding } from '../../../src/core/checks/factCheck';
import { mergeKnowledge, type Knowledge } from '../../../src/core/knowledge/knowledge';
import { MentionMatcher } from '../../../src/core/matching/mentionMatcher';
import { loadFile } from './knowledge';

/** From out/test/unit/support (compiled tests), or from the repository root (the bench, bundled elsewhere). */
const corpusFolder = [
  path.resolve(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'fact-check'),
  path.resolve('test', 'fixtures', 'fact-check'),
].find((folder) => fs.existsSync(folder))!;

export interface ExpectedFlag {
  readonly at: string;
  readonly occurrence?: number;
  readonly rule: string;
  readonly says?: readonly string[];
  readonly fix?: string;
}

export interface CorpusCase {
  readonly truth: 'right' | 'wrong';
  readonly note: string;
  readonly file?: string;
  readonly flag?: readonly ExpectedFlag[];
  readonly why?: string;
}

export const corpus: readonly CorpusCase[] = (
  parse(fs.readFileSync(path.join(corpusFolder, 'corpus.yaml'), 'utf8')) as { cases: CorpusCase[] }
).cases;

export const corpusKnowledge: Knowledge = mergeKnowledge(undefined, [
  loadFile(
    fs.readFileSync(path.join(corpusFolder, 'knowledge.trade.yaml'), 'utf8'),
    'file:///corpus/knowledge.trade.yaml',
  ),
]).knowledge;

const matcher = new MentionMatcher(corpusKnowledge);

export function uriOf(item: CorpusCase): string {
  return `file:///corpus/${item.file ?? 'notes/note.pnote'}`;
}

/** What the fact check finds in a case's note. */
export function checkCase(item: CorpusCase): FactFinding[] {
  return factCheck({
    uri: uriOf(item),
    text: item.note,
    mentions: matcher.scan(item.note),
    knowledge: corpusKnowledge,
  });
}

/** The offset of an expected flag's text in the note. */
export function offsetOf(item: CorpusCase, flag: ExpectedFlag): number {
  let at = -1;
  for (let k = 0; k < (flag.occurrence ?? 1); k++) at = item.note.indexOf(flag.at, at + 1);
  return at;
}

/** Whether a finding is the expected flag: same place, rule, evidence and fix. */
export function matches(item: CorpusCase, flag: ExpectedFlag, finding: FactFinding): boolean {
  const start = offsetOf(item, flag);
  if (finding.start !== start || finding.end !== start + flag.at.length || finding.code !== flag.rule) return false;
  if (!(flag.says ?? []).every((part) => finding.message.includes(part))) return false;
  if (flag.fix === undefined) return true;
  const fixed =
    finding.fix && item.note.slice(finding.fix.start, finding.fix.end) !== undefined
      ? item.note.slice(0, finding.fix.start) + finding.fix.text + item.note.slice(finding.fix.end)
      : undefined;
  return fixed !== undefined && fixed.slice(start, start + flag.fix.length) === flag.fix;
}
