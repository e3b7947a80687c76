// The seed notes keep every card they had: each mention recorded in support/seedNoteMentions.json (found
// with the knowledge of the commit that added it, before the bundled file was extended in issue 13) is
// still found at the same place, for the same official or country, and a figure still offers every tariff
// it offered then. New mentions and new tariffs for a figure are allowed.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderOfficialCard } from '../../src/core/cards/officialCard';
import { renderTariffCard } from '../../src/core/cards/tariffCard';
import { escapeMarkdown } from '../../src/core/cards/markdown';
import { mergeKnowledge } from '../../src/core/knowledge/knowledge';
import { MentionMatcher } from '../../src/core/matching/mentionMatcher';
import { loadFile } from './support/knowledge';

const repoRoot = join(__dirname, '..', '..', '..');
const read = (path: string): string => readFileSync(join(repoRoot, path), 'utf8');
const bundled = loadFile(read('src/bundled/us-china-2025.trade.yaml'), 'trade-notes-bundled:/us-china-2025.trade.yaml');

/** The workspace knowledge each seed note is read with, as in its workspace. */
const workspaces: Record<string, readonly string[]> = {
  'examples/notes/london-talks-debrief.pnote': ['examples/eu-watch.trade.yaml'],
  'test/fixtures/single/notes/talks.pnote': ['test/fixtures/single/knowledge/team.trade.yaml'],
  'test/fixtures/single/notes/navigation.pnote': ['test/fixtures/single/knowledge/team.trade.yaml'],
  'test/fixtures/single/notes/more/second.policy.md': ['test/fixtures/single/knowledge/team.trade.yaml'],
};

interface RecordedMention {
  readonly start: number;
  readonly text: string;
  /** The official id, the country code, or the tariff ids a figure offered. */
  readonly target: string | readonly string[];
}

const recorded = JSON.parse(read('test/unit/support/seedNoteMentions.json')) as Record<string, RecordedMention[]>;

describe('Seed notes keep their cards', () => {
  it('records every seed note', () => {
    assert.deepEqual(Object.keys(recorded).sort(), Object.keys(workspaces).sort());
  });

  for (const [note, files] of Object.entries(workspaces)) {
    it(note, () => {
      const knowledge = mergeKnowledge(
        bundled,
        files.map((file) => loadFile(read(file), `file:///${file}`)),
      ).knowledge;
      const text = read(note);
      const now = new MentionMatcher(knowledge).scan(text);
      const before = recorded[note]!;
      assert.ok(before.length > 0, 'the recording holds the note’s mentions');
      for (const old of before) {
        const mention = now.find((m) => m.start === old.start && text.slice(m.start, m.end) === old.text);
        assert.ok(mention, `"${old.text}" at ${old.start} is no longer a mention`);
        if (mention.kind === 'figure') {
          assert.ok(Array.isArray(old.target), `"${old.text}" at ${old.start} was a figure`);
          for (const id of old.target)
            assert.ok(mention.tariffIds.includes(id), `"${old.text}" at ${old.start} still offers ${id}`);
          const tariffs = mention.tariffIds.map((id) => knowledge.tariffs.get(id)!);
          const card = renderTariffCard(mention.rate, tariffs, knowledge);
          for (const id of old.target)
            assert.ok(card.includes(`#### ${escapeMarkdown(knowledge.tariffs.get(id)!.label)}`), `the card of ${id}`);
        } else {
          const target = mention.kind === 'official' ? mention.officialId : mention.code;
          assert.equal(target, old.target, `"${old.text}" at ${old.start}`);
          if (mention.kind === 'official') {
            const card = renderOfficialCard(knowledge.officials.get(mention.officialId)!, knowledge);
            assert.ok(card.startsWith(`#### ${escapeMarkdown(knowledge.officials.get(mention.officialId)!.name)}`));
          }
        }
      }
    });
  }
});
