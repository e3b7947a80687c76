import assert from 'node:assert/strict';
import { COMMON_TITLES, findTitledNames, knownTitles } from '../../src/core/checks/unknownOfficials';
import { MentionMatcher } from '../../src/core/matching/mentionMatcher';
import { knowledgeFrom, TALKS_YAML } from './support/knowledge';

const knowledge = knowledgeFrom(
  TALKS_YAML.replace(
    'aliases: [Bessent, Treasury Secretary Bessent]',
    'aliases: [Bessent, Treasury Secretary Bessent, Commerce Envoy Scott Bessent]',
  ),
);
const matcher = new MentionMatcher(knowledge);
const titles = knownTitles(knowledge);

/** Each hint as "title | name". */
function hints(text: string): string[] {
  return findTitledNames(text, matcher.scan(text), titles).map((found) => {
    assert.equal(text.slice(found.start, found.end), found.name, 'the span is the name');
    assert.equal(text.slice(found.titleStart, found.titleStart + found.title.length).replace(/\s+/g, ' '), found.title);
    return `${found.title} | ${found.name}`;
  });
}

describe('knownTitles', () => {
  it('adds the title part of aliases to the common titles', () => {
    assert.ok(titles.includes('Treasury Secretary'), 'from "Treasury Secretary Bessent"');
    assert.ok(titles.includes('Commerce Envoy'), 'from "Commerce Envoy Scott Bessent"');
    assert.ok(titles.includes('Vice Premier'), 'from "Vice Premier He Lifeng"');
    for (const title of COMMON_TITLES) assert.ok(titles.includes(title), title);
    assert.ok(!titles.includes(''), 'aliases without a title part add nothing');
  });
});

describe('findTitledNames', () => {
  it('finds unknown capitalised names after a title, up to three words', () => {
    assert.deepEqual(hints('Minister Zhang Wei met Vice President Vance and Treasury Secretary Yellen.'), [
      'Minister | Zhang Wei',
      'Vice President | Vance',
      'Treasury Secretary | Yellen',
    ]);
    assert.deepEqual(hints('Commerce Envoy Ana María López Ruiz spoke.'), ['Commerce Envoy | Ana María López']);
  });

  it('prefers the longest title and keeps the title as written', () => {
    assert.deepEqual(hints('Vice\u00a0Premier Ding arrived.'), ['Vice Premier | Ding']);
  });

  it('leaves out known officials, also when only part of the phrase is an alias', () => {
    assert.deepEqual(
      hints('Treasury Secretary Bessent and Secretary Bessent and President Xi Jinping and Vice Premier He Lifeng.'),
      [],
    );
  });

  it('is not fooled by countries, possessives, lower-case words, function words or other titles', () => {
    assert.deepEqual(hints('President China said so.'), [], 'a country is not a person');
    assert.deepEqual(hints("Minister Zhang's team"), ['Minister | Zhang']);
    assert.deepEqual(hints('the minister Zhang; Minister said; Secretary General Guterres; Minister Of State'), []);
    assert.deepEqual(
      hints('President Ambassador Li'),
      ['Ambassador | Li'],
      'a title is not a name, but may be the next title',
    );
    assert.deepEqual(hints('ExPresident Lee'), [], 'a title inside a word is no title');
  });
});
