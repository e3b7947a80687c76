// The core's text in Chinese (core/l10n with the zh-cn bundle), and in English without a bundle: cards,
// dates, knowledge problems and fact-check findings. Names and quotes from knowledge files stay as written.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderEventCard } from '../../src/core/cards/eventCard';
import { renderOfficialCard } from '../../src/core/cards/officialCard';
import { renderTariffCard } from '../../src/core/cards/tariffCard';
import { factCheck } from '../../src/core/checks/factCheck';
import { findUnknownOfficials } from '../../src/core/checks/unknownOfficials';
import { mergeKnowledge } from '../../src/core/knowledge/knowledge';
import { loadKnowledgeFile } from '../../src/core/knowledge/loadKnowledgeFile';
import { configureL10n, t } from '../../src/core/l10n/l10n';
import { MentionMatcher } from '../../src/core/matching/mentionMatcher';
import { describeAsOf, formatDate, formatDateRange, monthLabel, shortMonthLabel } from '../../src/core/timeline/dates';
import { buildTimeline } from '../../src/core/timeline/timeline';

const repoRoot = join(__dirname, '../../..');
const zhCn = JSON.parse(readFileSync(join(repoRoot, 'l10n/bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
const text = readFileSync(join(repoRoot, 'src/bundled/us-china-2025.trade.yaml'), 'utf8');
const bundledUri = 'trade-notes-bundled:/us-china-2025.trade.yaml';

function inChinese(): void {
  configureL10n({ bundle: zhCn, language: 'zh-cn' });
}

function knowledge() {
  return mergeKnowledge(loadKnowledgeFile(bundledUri, text).file, []).knowledge;
}

describe('Core text in Chinese (zh-cn bundle)', () => {
  beforeEach(inChinese);
  afterEach(() => configureL10n(undefined));

  it('formats dates, ranges and months for zh-CN', () => {
    assert.equal(formatDate('2025-06-09'), '2025年6月9日');
    assert.equal(formatDateRange('2025-06-09', '2025-06-10'), '2025年6月9日至10日');
    assert.equal(formatDateRange('2025-05-30', '2025-06-02'), '2025年5月30日至6月2日');
    assert.equal(formatDateRange('2025-12-30', '2026-01-02'), '2025年12月30日至2026年1月2日');
    assert.equal(monthLabel({ year: 2025, month: 6, day: 9 }), '2025年6月');
    assert.equal(shortMonthLabel({ year: 2025, month: 6, day: 9 }), '2025年6月', 'a chart axis month with its year');
    assert.equal(shortMonthLabel({ year: 2025, month: 6, day: 9 }, false), '6月', 'a chart axis month alone');
    assert.equal(describeAsOf('2025-12-31'), '截至2025年12月31日');
  });

  it("gives He Lifeng's card Chinese labels, his name, title and note as the knowledge file writes them", () => {
    const k = knowledge();
    const card = renderOfficialCard(k.officials.get('he-lifeng')!, k);
    assert.match(card, /^#### He Lifeng\n\nVice Premier of China · State Council of the People\\'s Republic of China/);
    assert.match(card, /🇨🇳 China · 又称：何立峰、Vice Premier He Lifeng、/);
    assert.match(card, /\*\*参与的事件\*\*\n- 2025年5月10日至11日 · Geneva talks\n/);
    assert.match(card, /China\\'s lead person for China–US economic and trade affairs/);
    assert.match(card, /\n来源：\[/);
    assert.doesNotMatch(card, /Also known as|Took part in|Sources:/);
  });

  it('gives a tariff card Chinese labels, rates and dates', () => {
    const k = knowledge();
    const tariff = k.tariffs.get('us-on-cn')!;
    const card = renderTariffCard(30, [tariff], k, '2025-06-10');
    assert.match(card, /\n🇺🇸 United States 对 🇨🇳 China 征收\n/);
    assert.match(
      card,
      /▶ \*\*2025年5月14日由 145\\% 下调至 30\\%\*\*，随后于2025年11月10日下调至 20\\%。关联事件：Joint statement on the Geneva meeting（2025年5月12日）/,
    );
    assert.match(card, /◆ 本笔记日期为2025年6月10日：当时的税率为 \*\*30\\%\*\*（自2025年5月14日起）。/);
    assert.match(card, /\| 日期 \| 税率 \|\n/);
  });

  it('gives events Chinese kinds and the timeline Chinese months', () => {
    const k = knowledge();
    const groups = buildTimeline(k, 'oldest-first');
    assert.ok(groups.some((group) => group.label === '2025年5月'));
    const geneva = renderEventCard(k.events.get('geneva-2025')!, k);
    assert.match(geneva, /\n2025年5月10日至11日 · 谈判 · Geneva\\, Switzerland\n/);
    assert.match(geneva, /\*\*参与者\*\*：🇨🇳 He Lifeng、🇨🇳 Li Chenggang、/);
  });

  it("reports knowledge problems in Chinese, keeping the YAML parser and the file's words as written", () => {
    const { problems } = loadKnowledgeFile(
      'file:///w/a.trade.yaml',
      'kind: trade-knowledge\nversion: 1\nofficials:\n  - id: Bad_Id\n    name: X\n    title: Y\n    colour: red\n',
    );
    assert.deepEqual(
      problems.map((p) => p.message),
      [
        '官员条目中有未知字段“colour”（应为以下之一：id, name, aliases, country, title, titles, organization, note, links）。',
        'id“Bad_Id”无效：请使用小写字母、数字和连字符，例如 scott-bessent。',
      ],
    );
    const yaml = loadKnowledgeFile('file:///w/b.trade.yaml', 'kind: trade-knowledge\nversion: 1\nofficials: [\n');
    assert.match(yaml.problems[0]!.message, /^YAML：[A-Za-z]/);
  });

  it('writes fact-check findings and unknown-official hints in Chinese', () => {
    const k = knowledge();
    const note =
      '---\ndate: 2025-06-10\n---\nUS tariffs on Chinese goods now stand at 145%.\n\nCommerce Minister Zhang Wei spoke.\n';
    const mentions = new MentionMatcher(k).scan(note);
    const [finding] = factCheck({ uri: 'file:///w/n.pnote', text: note, mentions, knowledge: k });
    assert.match(finding!.message, /^2025年6月10日（笔记日期），.+ 为 30%（自2025年5月14日起生效），而非 145%。/);
    const [hint] = findUnknownOfficials(note, mentions, k);
    assert.equal(hint!.message, '“Commerce Minister”后面的“Zhang Wei”似乎是一位知识库尚未收录的官员。');
  });

  it('fills placeholders as vscode.l10n does: braces that name no argument stay', () => {
    configureL10n({ bundle: { 'Sources: {0}': '{0} {x} {1} {05} {} {0}' }, language: 'zh-cn' });
    // VS Code looks each name up as written: "05" is no argument's name, though 5 would be.
    assert.equal(t('Sources: {0}', 'a', 'b', 'c', 'd', 'e', 'f'), 'a {x} b {05} {} a');
    assert.equal(t('Sources: {0}', 'a'), 'a {x} {1} {05} {} a');
    assert.equal(t({ message: 'Sources: {0}', args: ['a'], comment: 'no such key' }), 'Sources: a');
  });
});

describe('Core text without a bundle, or in English', () => {
  afterEach(() => configureL10n(undefined));

  for (const [name, settings] of [
    ['no settings', undefined],
    ['English with a bundle', { bundle: zhCn, language: 'en' }],
    ['Chinese without a bundle', { language: 'zh-cn' }],
  ] as const) {
    it(`writes English as written: ${name}`, () => {
      configureL10n(settings);
      assert.equal(formatDateRange('2025-06-09', '2025-06-10'), '9–10 Jun 2025');
      assert.equal(t('Sources: {0}', 'x'), 'Sources: x');
      const k = knowledge();
      assert.match(
        renderOfficialCard(k.officials.get('he-lifeng')!, k),
        /Also known as: 何立峰, Vice Premier He Lifeng/,
      );
    });
  }
});
