import assert from 'node:assert/strict';
import { MentionMatcher } from '../../src/core/matching/mentionMatcher';
import {
  definitionsOfMention,
  eventsOfNote,
  mentionRefersTo,
  targetOfMention,
} from '../../src/core/navigation/mentionTargets';
import { mentionTokens } from '../../src/core/navigation/mentionTokens';
import { searchKnowledgeSymbols } from '../../src/core/navigation/symbolSearch';
import { TextLines } from '../../src/core/navigation/textLines';
import { knowledgeFrom, TALKS_YAML } from './support/knowledge';

const EVENTS = `timeline:
  - { id: geneva, date: 2025-05-10, end: 2025-05-11, title: Geneva talks, participants: [he-lifeng, scott-bessent] }
  - { id: call, date: 2025-06-05, title: Xi–Trump call, participants: [xi-jinping] }
  - { id: cut, date: 2025-05-14, title: Tariffs cut }
  - { id: brussels, date: 2025-04-01, title: Brussels visit, participants: [maros-sefcovic] }
`;
const knowledge = knowledgeFrom(
  TALKS_YAML.replace('      - { date: 2025-05-14, rate: 30% }', '      - { date: 2025-05-14, rate: 30%, event: cut }') +
    EVENTS,
);
const matcher = new MentionMatcher(knowledge);

describe('TextLines', () => {
  it('counts \\n, \\r\\n and a lone \\r as line breaks, like VS Code', () => {
    const lines = new TextLines('a\nbc\r\nd\re');
    assert.deepEqual(
      [0, 2, 3, 4, 6, 8, 9, 10].map((offset) => lines.positionAt(offset)),
      [
        { line: 0, character: 0 },
        { line: 1, character: 0 },
        { line: 1, character: 1 },
        { line: 1, character: 2 },
        { line: 2, character: 0 },
        { line: 3, character: 0 },
        { line: 3, character: 1 },
        { line: 3, character: 2 },
      ],
    );
    assert.deepEqual(lines.rangeAt(2, 4), { start: { line: 1, character: 0 }, end: { line: 1, character: 2 } });
  });
});

describe('What a mention refers to', () => {
  it('is the official, the country, or the most likely tariff of a figure', () => {
    const text = 'China cut its tariffs on US goods to 10%. Bessent agreed.';
    const mentions = matcher.scan(text);
    assert.deepEqual(mentions.map(targetOfMention), [
      { kind: 'country', id: 'CN' },
      { kind: 'country', id: 'US' },
      { kind: 'tariff', id: 'cn-on-us' },
      { kind: 'official', id: 'scott-bessent' },
    ]);
    const tenPercent = mentions[2]!;
    assert.equal(mentionRefersTo(tenPercent, { kind: 'tariff', id: 'cn-on-us' }), true);
    assert.equal(
      mentionRefersTo(tenPercent, { kind: 'tariff', id: 'us-on-cn' }),
      false,
      'the less likely reading is not a reference',
    );
  });

  it('has every candidate tariff of a figure as definitions, most likely first', () => {
    const [, , figure] = matcher.scan('China cut its tariffs on US goods to 10%.');
    assert.deepEqual(
      definitionsOfMention(figure!, knowledge).map((source) => source.range.start.line),
      ['cn-on-us', 'us-on-cn'].map((id) => knowledge.tariffs.get(id)!.source.range.start.line),
    );
  });
});

describe('eventsOfNote', () => {
  it("finds the events of the note's officials and of its tariff changes, oldest first and once each", () => {
    const text = 'Bessent and He Lifeng met. The rate fell to 30%. Xi called. Bessent again.';
    assert.deepEqual(
      eventsOfNote(matcher.scan(text), knowledge).map((e) => e.id),
      ['geneva', 'cut', 'call'],
    );
  });

  it('ignores rates that are not the linked step', () => {
    assert.deepEqual(eventsOfNote(matcher.scan('It was 145% in April.'), knowledge), []);
  });
});

describe('mentionTokens', () => {
  it('gives one token per mention, split at line breaks without the white space around them', () => {
    const text = 'Met Scott\n  Bessent and China at 145%.';
    const tokens = mentionTokens(text, new TextLines(text), matcher.scan(text));
    assert.deepEqual(tokens, [
      { line: 0, character: 4, length: 5, kind: 'official' },
      { line: 1, character: 2, length: 7, kind: 'official' },
      { line: 1, character: 14, length: 5, kind: 'country' },
      { line: 1, character: 23, length: 4, kind: 'figure' },
    ]);
  });
});

describe('searchKnowledgeSymbols', () => {
  const names = (query: string): string[] => searchKnowledgeSymbols(knowledge, query).map((s) => `${s.kind}:${s.name}`);

  it('finds officials by name, alias or id, ignoring case, diacritics and spaces', () => {
    assert.deepEqual(names('Bessent'), ['official:Scott Bessent']);
    assert.deepEqual(names('sefcovic'), ['official:Maroš Šefčovič']);
    assert.deepEqual(names('sbessent'), ['official:Scott Bessent']);
    assert.deepEqual(names('何立峰'), ['official:He Lifeng']);
  });

  it('finds events by title or id, with the date as container', () => {
    const [geneva] = searchKnowledgeSymbols(knowledge, 'geneva');
    assert.deepEqual([geneva?.kind, geneva?.name, geneva?.container], ['event', 'Geneva talks', '10–11 May 2025']);
  });

  it('lists everything for an empty query, and nothing for a query nothing contains', () => {
    assert.equal(searchKnowledgeSymbols(knowledge, '').length, knowledge.officials.size + knowledge.events.size);
    assert.deepEqual(names('zzz'), []);
  });
});
