import assert from 'node:assert/strict';
import { completionSlotAt } from '../../src/core/authoring/knowledgeCompletion';
import {
  figureChoices,
  nameChoices,
  nameReplacementStart,
  offersNames,
  typedFigure,
  typedWord,
} from '../../src/core/authoring/noteCompletion';
import { knowledgeFrom, TALKS_YAML } from './support/knowledge';

const knowledge = knowledgeFrom(TALKS_YAML);

describe('Completion in notes', () => {
  describe('tariff figures after a number and %', () => {
    it('reads the number before a % at the cursor', () => {
      assert.deepEqual(typedFigure('The rate rose to 145%'), { start: 17, digits: '145' });
      assert.deepEqual(typedFigure('(7.5%'), { start: 1, digits: '7.5' });
    });

    it('wants the %, and a number of its own', () => {
      for (const line of ['rose to 145', 'version v1%', 'about 1,14%', 'on 2025-04-10%', 'at 10:30%', 'to %']) {
        assert.equal(typedFigure(line), undefined, line);
      }
    });

    it('offers the known rates starting with the digits, one per tariff and rate, lowest first', () => {
      const offered = (digits: string): string[] =>
        figureChoices(knowledge, digits).map((c) => `${c.rate}% ${c.tariff.id} ${c.step.date}`);
      assert.deepEqual(offered('1'), [
        '10% us-on-cn 2025-02-04',
        '10% cn-on-us 2025-05-14',
        '125% cn-on-us 2025-04-12',
        '145% us-on-cn 2025-04-10',
      ]);
      assert.deepEqual(offered('14'), ['145% us-on-cn 2025-04-10']);
      assert.deepEqual(offered('7.5'), ['7.5% eu-steel 2025-01-01']);
      assert.deepEqual(offered('99'), []);
    });
  });

  describe('names', () => {
    it('are offered after a capital letter or with nothing typed, not in lower-case words or after digits', () => {
      const offers = (line: string): boolean => {
        const word = typedWord(line);
        return word !== undefined && offersNames(word);
      };
      assert.equal(offers('Talks with Bes'), true);
      assert.equal(offers('Talks with Šef'), true);
      assert.equal(offers('Talks with '), true);
      assert.equal(offers(''), true);
      assert.equal(offers('Talks with bes'), false);
      assert.equal(offers('Talks in 2025'), false);
      assert.equal(offers('何'), false, 'a script without capitals is offered on request only');
    });

    it('reads the word before the cursor, with apostrophes, dots and hyphens', () => {
      assert.deepEqual(typedWord("met O'Bri"), { start: 4, text: "O'Bri" });
      assert.deepEqual(typedWord('the U.S'), { start: 4, text: 'U.S' });
      assert.deepEqual(typedWord('said '), { start: 5, text: '' });
    });

    it('lists every name and alias, each with its official', () => {
      const choices = nameChoices(knowledge).filter((c) => c.official.id === 'scott-bessent');
      assert.deepEqual(
        choices.map((c) => [c.text, c.isAlias]),
        [
          ['Scott Bessent', false],
          ['Bessent', true],
          ['Treasury Secretary Bessent', true],
        ],
      );
    });

    it('replace every typed word a multi-word name starts with, ignoring case and diacritics', () => {
      const start = (line: string, name: string): string =>
        line.slice(nameReplacementStart(line, name, typedWord(line)!));
      assert.equal(start('Talks with Scott Be', 'Scott Bessent'), 'Scott Be');
      assert.equal(start('Talks with Scott Be', 'Bessent'), 'Be');
      assert.equal(start('Talks with maroš Šef', 'Maroš Šefčovič'), 'maroš Šef');
      assert.equal(start('and Vice Premier He', 'Vice Premier He Lifeng'), 'Vice Premier He');
      assert.equal(
        start('Talks with Sc', 'Xi Jinping'),
        'Sc',
        'a name that does not fit replaces the current word only',
      );
    });
  });
});

describe('Completion in knowledge files', () => {
  /** The slot at the `|` in `text`, as "kind from 'typed' [listed]". */
  function slot(textWithCursor: string): string | undefined {
    const offset = textWithCursor.indexOf('|');
    const text = textWithCursor.replace('|', '');
    const found = completionSlotAt(text, offset);
    return (
      found &&
      `${found.kind} from '${text.slice(found.start, offset)}'${found.listed.length > 0 ? ` [${found.listed.join(', ')}]` : ''}`
    );
  }

  it('offers officials in a flow list of participants, except those listed', () => {
    assert.equal(slot('    participants: [|'), "official from ''");
    assert.equal(slot('    participants: [he-lifeng, sc|'), "official from 'sc' [he-lifeng]");
    assert.equal(slot('  - { id: e, participants: ["he-lifeng", "sc|'), "official from 'sc' [he-lifeng]");
    assert.equal(slot('    participants: [a, b]|'), undefined, 'after the list is closed');
  });

  it('offers officials in a block list of participants, at the same or a deeper indentation', () => {
    const above = 'timeline:\n  - id: e\n    participants:\n';
    assert.equal(slot(`${above}      - he-lifeng\n      # a comment\n\n      - sc|`), "official from 'sc' [he-lifeng]");
    assert.equal(slot(`${above}    - |`), "official from ''");
    assert.equal(slot(`${above.replace(/\n/g, '\r\n')}      - he-lifeng\r\n      - |`), "official from '' [he-lifeng]");
  });

  it('offers nothing for a list item under other keys', () => {
    assert.equal(slot('officials:\n  - |'), undefined);
    assert.equal(slot('    aliases:\n      - |'), undefined);
    assert.equal(slot('officials:\n  - id: x\n    links:\n      - https://a\n      - |'), undefined);
  });

  it('offers events after event:, in block and flow mappings', () => {
    assert.equal(slot('      - date: 2025-05-14\n        event: gen|'), "event from 'gen'");
    assert.equal(slot('      - { date: 2025-05-14, rate: 30%, event: |'), "event from ''");
    assert.equal(slot("        event: 'gen|"), "event from 'gen'");
  });

  it('offers country codes after country:, by: and on:', () => {
    assert.equal(slot('    country: |'), "country from ''");
    assert.equal(slot('    by: U|'), "country from 'U'");
    assert.equal(slot('  - { id: t, by: US, on: C|'), "country from 'C'");
  });

  it('offers event kinds, and the file kind at the top level', () => {
    assert.equal(slot('    kind: ta|'), "event-kind from 'ta'");
    assert.equal(slot('  - { id: e, kind: |'), "event-kind from ''");
    assert.equal(slot('kind: |'), "file-kind from ''");
  });

  it('offers nothing in other values, in keys, or in words that merely end like a key', () => {
    assert.equal(slot('    title: The event|'), undefined);
    assert.equal(slot('    note: Met on: Monday|'), undefined);
    assert.equal(slot('    description: x|'), undefined);
    assert.equal(slot('    countr|'), undefined);
    assert.equal(slot('    country: US, more|'), undefined);
  });
});
