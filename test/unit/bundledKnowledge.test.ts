// The bundled knowledge (src/bundled/us-china-2025.trade.yaml): it loads without a problem, every entry
// cites an http(s) source, no deadline has participants, it says up to when it was checked and records
// nothing later, and its histories, timeline and names give the cards issue 13 asks for.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderTariffCard } from '../../src/core/cards/tariffCard';
import { mergeKnowledge } from '../../src/core/knowledge/knowledge';
import { loadKnowledgeFile } from '../../src/core/knowledge/loadKnowledgeFile';
import { MentionMatcher } from '../../src/core/matching/mentionMatcher';
import { buildTimeline } from '../../src/core/timeline/timeline';

const text = readFileSync(join(__dirname, '../../../src/bundled/us-china-2025.trade.yaml'), 'utf8');
const { file, problems } = loadKnowledgeFile('trade-notes-bundled:/us-china-2025.trade.yaml', text);
const merged = mergeKnowledge(file, []);
const knowledge = merged.knowledge;

describe('The bundled knowledge', () => {
  it('loads without a single problem, every reference resolving', () => {
    assert.deepEqual(problems, []);
    assert.deepEqual(merged.problems, []);
  });

  it('cites at least one http(s) source for every official, tariff and event', () => {
    const entries = [...knowledge.officials.values(), ...knowledge.tariffs.values(), ...knowledge.events.values()];
    assert.ok(entries.length >= 35, `${entries.length} entries`);
    for (const entry of entries)
      assert.ok(
        entry.links.some((link) => /^https?:\/\/[^\s/]+\.[^\s/]+\/\S*$/.test(link)),
        `${entry.id} cites no http(s) source`,
      );
  });

  it('gives no deadline participants', () => {
    for (const event of knowledge.events.values())
      if (event.kind === 'deadline') assert.deepEqual(event.participants, [], event.id);
  });

  it('says up to when it was checked, and records nothing later', () => {
    assert.equal(file?.asOf, '2025-12-31');
    for (const tariff of knowledge.tariffs.values())
      for (const step of tariff.history) assert.ok(step.date <= file!.asOf!, `${tariff.id} ${step.date}`);
    for (const event of knowledge.events.values()) assert.ok((event.end ?? event.date) <= file!.asOf!, event.id);
  });

  it('has the officials and the exact headline rates of 2025', () => {
    for (const id of [
      'he-lifeng',
      'wang-wentao',
      'li-chenggang',
      'liao-min',
      'xi-jinping',
      'scott-bessent',
      'howard-lutnick',
      'jamieson-greer',
      'donald-trump',
      'kevin-hassett',
    ])
      assert.ok(knowledge.officials.has(id), `bundled official ${id}`);
    for (const official of knowledge.officials.values())
      assert.ok(!official.aliases.some((alias) => alias.toLowerCase() === 'he'), 'no bare "He" alias');
    const rates = (id: string): string[] => knowledge.tariffs.get(id)!.history.map((s) => `${s.date} ${s.rate}`);
    assert.deepEqual(rates('us-on-cn'), [
      '2025-02-04 10',
      '2025-03-04 20',
      '2025-04-09 104',
      '2025-04-10 145',
      '2025-05-14 30',
      '2025-11-10 20',
    ]);
    assert.deepEqual(rates('cn-on-us'), ['2025-04-10 84', '2025-04-12 125', '2025-05-14 10']);
    assert.deepEqual(rates('cn-on-us-farm'), ['2025-03-10 15', '2025-11-10 0']);
  });

  it('runs its timeline from February to December 2025', () => {
    const months = buildTimeline(knowledge, 'oldest-first').map((group) => group.label);
    assert.equal(months[0], 'February 2025');
    assert.equal(months.at(-1), 'December 2025');
  });

  it('shows the US tariff on Chinese goods with its 10 November 2025 step for 20% in a note on November 2025', () => {
    const note = 'In November 2025 the US cut its tariffs on Chinese goods to 20%.';
    const figure = new MentionMatcher(knowledge).scan(note).find((mention) => mention.kind === 'figure');
    assert.ok(figure?.kind === 'figure' && note.slice(figure.start, figure.end) === '20%');
    assert.equal(figure.tariffIds[0], 'us-on-cn');
    const card = renderTariffCard(
      figure.rate,
      figure.tariffIds.map((id) => knowledge.tariffs.get(id)!),
      knowledge,
    );
    assert.ok(
      card.includes(
        '▶ **Lowered from 30\\% to 20\\% on 10 Nov 2025**, still the latest recorded rate as of 31 Dec 2025.',
      ),
      card,
    );
    assert.ok(card.includes('| ▶ **10 Nov 2025** | **20\\%** |'), card);
  });

  it('knows the officials and countries by the names Chinese-language media use', () => {
    const matcher = new MentionMatcher(knowledge);
    const named = (sentence: string): string[] =>
      matcher
        .scan(sentence)
        .map(
          (m) =>
            `${sentence.slice(m.start, m.end)}→${m.kind === 'official' ? m.officialId : m.kind === 'country' ? m.code : m.rate}`,
        );
    assert.deepEqual(named('贝森特和格里尔在吉隆坡会见了何立峰、李成钢和廖岷，美方将对中国商品的关税降至20%。'), [
      '贝森特→scott-bessent',
      '格里尔→jamieson-greer',
      '何立峰→he-lifeng',
      '李成钢→li-chenggang',
      '廖岷→liao-min',
      '美方→US',
      '中国→CN',
      '20%→20',
    ]);
    assert.deepEqual(named('特朗普、卢特尼克与哈塞特；中方'), [
      '特朗普→donald-trump',
      '卢特尼克→howard-lutnick',
      '哈塞特→kevin-hassett',
      '中方→CN',
    ]);
    assert.deepEqual(named('川普、貝森特、葛里爾、盧特尼克、哈西特、習近平與美國、中國'), [
      '川普→donald-trump',
      '貝森特→scott-bessent',
      '葛里爾→jamieson-greer',
      '盧特尼克→howard-lutnick',
      '哈西特→kevin-hassett',
      '習近平→xi-jinping',
      '美國→US',
      '中國→CN',
    ]);
  });
});
