import assert from 'node:assert/strict';
import { findMentionAt } from '../../src/core/matching/findMention';
import type { Mention } from '../../src/core/matching/mention';
import { MentionMatcher } from '../../src/core/matching/mentionMatcher';
import { knowledgeFrom, TALKS_YAML } from './support/knowledge';

const matcher = new MentionMatcher(knowledgeFrom(TALKS_YAML));

/** Each mention as "text→target", the way a reader checks them. */
function found(text: string): string[] {
  return matcher.scan(text).map((m) => `${text.slice(m.start, m.end)}→${targetOf(m)}`);
}

function targetOf(m: Mention): string {
  switch (m.kind) {
    case 'official':
      return m.officialId;
    case 'country':
      return m.code;
    case 'figure':
      return `${m.rate}%[${m.tariffIds.join(',')}]`;
  }
}

function officials(text: string): string[] {
  return found(text).filter((f) => !/→[A-Z]{2}$/.test(f));
}

describe('MentionMatcher: names', () => {
  it('matches names and aliases as whole words only', () => {
    assert.deepEqual(officials('Scott Bessent met Bessent; Bessentia and XBessent are not him.'), [
      'Scott Bessent→scott-bessent',
      'Bessent→scott-bessent',
    ]);
  });

  it('prefers the longest match ("Vice Premier He Lifeng" is one mention)', () => {
    assert.deepEqual(officials('Vice Premier He Lifeng arrived.'), ['Vice Premier He Lifeng→he-lifeng']);
    assert.deepEqual(officials('Treasury Secretary Bessent spoke.'), ['Treasury Secretary Bessent→scott-bessent']);
  });

  it('matches multi-word names in any case', () => {
    assert.deepEqual(officials('MAROŠ ŠEFČOVIČ, maroš šefčovič and Von der Leyen and VON DER LEYEN'), [
      'MAROŠ ŠEFČOVIČ→maros-sefcovic',
      'maroš šefčovič→maros-sefcovic',
      'Von der Leyen→ursula-von-der-leyen',
      'VON DER LEYEN→ursula-von-der-leyen',
    ]);
  });

  it('matches single-word aliases only when Capitalized or ALL CAPS', () => {
    assert.deepEqual(officials('Xi said; XI said; xi is a letter. bessent is lower case.'), [
      'Xi→xi-jinping',
      'XI→xi-jinping',
    ]);
  });

  it('ignores diacritics, in precomposed and decomposed text', () => {
    assert.deepEqual(officials('Sefcovic and Maros Sefcovic and Šefčovič and S\u030Cefc\u030Covic\u030C'), [
      'Sefcovic→maros-sefcovic',
      'Maros Sefcovic→maros-sefcovic',
      'Šefčovič→maros-sefcovic',
      'S\u030Cefc\u030Covic\u030C→maros-sefcovic',
    ]);
  });

  it('includes possessives and a trailing apostrophe in the mention', () => {
    assert.deepEqual(officials("Bessent's team, Bessent’s plan, the Bessent' and Xi’ notes"), [
      "Bessent's→scott-bessent",
      'Bessent’s→scott-bessent',
      "Bessent'→scott-bessent",
      'Xi’→xi-jinping',
    ]);
    assert.deepEqual(officials("Bessent'sa"), ['Bessent→scott-bessent'], 'not a possessive when the word goes on');
  });

  it('lets any white space, one line break or a no-break space separate the words of a name', () => {
    assert.deepEqual(officials('Scott\nBessent, Scott \r\n  Bessent, Scott\u00a0Bessent, Scott \t Bessent'), [
      'Scott\nBessent→scott-bessent',
      'Scott \r\n  Bessent→scott-bessent',
      'Scott\u00a0Bessent→scott-bessent',
      'Scott \t Bessent→scott-bessent',
    ]);
    assert.deepEqual(officials('Scott\n\nBessent'), ['Bessent→scott-bessent'], 'a blank line ends the name');
  });

  it('matches names in scripts without spaces as written, inside running text', () => {
    assert.deepEqual(officials('何立峰会见了贝森特，习近平也发表讲话。'), ['何立峰→he-lifeng', '习近平→xi-jinping']);
  });

  it('never takes the pronoun "He" for a mention, even where it is an alias', () => {
    assert.deepEqual(officials('He said so. he agreed. HE left. Then He Lifeng spoke.'), ['He Lifeng→he-lifeng']);
  });

  it('matches names with punctuation exactly (U.S.), acronyms only in capitals, and countries for context', () => {
    assert.deepEqual(found('The U.S. and the USA and America; us and Us.'), ['U.S.→US', 'USA→US', 'America→US']);
  });

  it('does not match inside other words or across a hyphen join', () => {
    assert.deepEqual(officials('Xian, Trump-style, Xi-led'), ['Xi→xi-jinping']);
  });
});

describe('MentionMatcher: tariff figures', () => {
  it('recognises every way of writing a percentage', () => {
    assert.deepEqual(
      found('145% 145 % 145 percent 145 per cent 145-percent 145\u00a0% 145-per-cent 145％').map(
        (f) => f.split('→')[0],
      ),
      ['145%', '145 %', '145 percent', '145 per cent', '145-percent', '145\u00a0%', '145-per-cent', '145％'],
    );
  });

  it('recognises decimals and compares rates by value', () => {
    assert.deepEqual(found('a 7.5% duty, or 7.50 per cent'), ['7.5%→7.5%[eu-steel]', '7.50 per cent→7.5%[eu-steel]']);
  });

  it('only offers figures that some tariff has', () => {
    assert.deepEqual(found('a 99% chance; 145 percentage points; v1.145%; 1,145%; 145th percent'), []);
  });

  it('ranks tariffs sharing a rate by the countries named in the same sentence', () => {
    assert.deepEqual(found('China cut its tariffs on US goods to 10%.'), [
      'China→CN',
      'US→US',
      '10%→10%[cn-on-us,us-on-cn]',
    ]);
    assert.deepEqual(found('The US set its tariff on Chinese goods at 10% in February.'), [
      'US→US',
      'Chinese→CN',
      '10%→10%[us-on-cn,cn-on-us]',
    ]);
  });

  it('lets officials stand for their country when ranking', () => {
    assert.deepEqual(found('He Lifeng confirmed the 10 percent rate.').at(-1), '10 percent→10%[cn-on-us,us-on-cn]');
  });

  it('prefers the same sentence over the same paragraph, and ignores other paragraphs', () => {
    const text = 'Beijing moved first. Then Washington answered with 10%.\n\nChina said nothing.';
    assert.deepEqual(found(text).at(-2), '10%→10%[us-on-cn,cn-on-us]');
    const other = 'China spoke.\n\nThe rate was 10%.';
    assert.deepEqual(found(other).at(-1), '10%→10%[us-on-cn,cn-on-us]', 'no context: knowledge order');
    const paragraph = 'China spoke. The rate was 10%.';
    assert.deepEqual(found(paragraph).at(-1), '10%→10%[cn-on-us,us-on-cn]', 'same paragraph counts');
  });

  it('does not end a sentence at the full stop of an abbreviation it knows', () => {
    assert.deepEqual(found('China and the U.S. raised them to 10%.').at(-1), '10%→10%[cn-on-us,us-on-cn]');
  });

  it('reads figures in Chinese text, right before or after Chinese characters, with either percent sign', () => {
    const figures = (text: string): string[] => found(text).map((f) => f.split('→')[0]!);
    assert.deepEqual(figures('美国对中国商品加征10%的关税。'), ['10%']);
    assert.deepEqual(figures('关税从145%降至30%，'), ['145%', '30%']);
    assert.deepEqual(figures('税率为7.5％的商品和20 percent的'), ['7.5％', '20 percent']);
    assert.deepEqual(figures('加征10%关税'), ['10%'], 'a figure between two Chinese characters');
    assert.deepEqual(figures('A10%的；1,145%的'), [], 'still whole numbers only');
  });

  it('ranks figures in Chinese sentences by the Chinese names of the countries', () => {
    const chinese = new MentionMatcher(
      knowledgeFrom(
        TALKS_YAML.replace('aliases: [U.S., US,', 'aliases: [美国, 美方, U.S., US,').replace(
          'aliases: [Chinese, PRC,',
          'aliases: [中国, 中方, Chinese, PRC,',
        ),
      ),
    );
    const ranked = (text: string): string[] =>
      chinese.scan(text).flatMap((m) => (m.kind === 'figure' ? [m.tariffIds.join(',')] : []));
    assert.deepEqual(ranked('中方对美国商品加征的关税降至10%。美方未置评。'), ['cn-on-us,us-on-cn']);
    assert.deepEqual(ranked('中方未置评。美方对中国商品加征10%的关税。'), ['us-on-cn,cn-on-us']);
  });
});

describe('findMentionAt', () => {
  const text = 'Scott Bessent said 145% was too high.';
  const mentions = matcher.scan(text);

  it('finds the mention under an offset, including its end', () => {
    assert.equal(findMentionAt(mentions, 0)?.kind, 'official');
    assert.equal(findMentionAt(mentions, 12)?.kind, 'official');
    assert.equal(findMentionAt(mentions, 13)?.kind, 'official', 'right after the name');
    assert.equal(findMentionAt(mentions, 20)?.kind, 'figure');
    assert.equal(findMentionAt(mentions, 15), undefined);
    assert.equal(findMentionAt([], 3), undefined);
  });
});

describe('MentionMatcher: cancellation', () => {
  it('stops a long scan when cancelled and returns nothing', () => {
    const big = 'Scott Bessent met He Lifeng about 145%. '.repeat(20000);
    assert.ok(matcher.scan(big).length > 0);
    assert.deepEqual(matcher.scan(big, { isCancellationRequested: true }), []);
  });
});
