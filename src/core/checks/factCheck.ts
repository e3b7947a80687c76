/**
 * Fact-checking a note against the dated knowledge: tariff figures against the tariff the sentence is
 * about (a rate it never had, a rate not in force at a date the sentence states, a "current" rate that is
 * stale on the note's date), and titles written before an official's name. Precision comes first: a
 * sentence is checked only when it is plainly about a known tariff's rate, and anything that makes a
 * figure mean something else (a change by so much, an average, a quotation, a plan, a negation, a part of
 * the rate, a product the knowledge has no tariff for) makes the check say nothing.
 */
import { describeTenure } from '../cards/officialCard';
import { formatRate, sameRate, writtenRate } from '../cards/tariffChanges';
import type { Knowledge } from '../knowledge/knowledge';
import { stepInForce, stepsInForceDuring } from '../knowledge/tariffSteps';
import type { DatedTitle, Official, SourceLocation, Tariff, TariffStep, TimelineEvent } from '../knowledge/types';
import { formatConjunction, formatList, formatLongList, t } from '../l10n/l10n';
import { charInfo, DIGIT, foldText } from '../matching/characters';
import { firstStartingAtOrAfter } from '../matching/findMention';
import type { Mention } from '../matching/mention';
import { matchPercentSign } from '../matching/patternMatching';
import {
  describeAsOf,
  formatDate,
  formatDateRange,
  formatYear,
  monthLabel,
  parseIsoDate,
  type CalendarDate,
} from '../timeline/dates';
import { noteDateOf, type NoteDate } from './noteDate';
import type { CheckedNote, NoteFinding } from './noteFinding';
import { findProseDates, isoOf, spanOf, withYear, type ProseDate } from './proseDates';
import { knownTitles } from './unknownOfficials';
import { PatternBefore } from '../text/patternBefore';
import type { Span } from '../text/span';
import { changeBetween } from '../text/textChange';
import { endWithoutTrailingSpace } from '../text/whiteSpace';

/** The rules of the fact check, as finding codes. */
export const FactRule = {
  /** A figure no step of the tariff's history has. */
  neverRecorded: 'rate-never-recorded',
  /** A figure that was not in force at the date the sentence states. */
  notInForce: 'rate-not-in-force',
  /** A "current" figure that is not the rate in force on the note's date (or the latest recorded one). */
  notCurrent: 'rate-not-current',
  /** A title before an official's name that the knowledge contradicts. */
  wrongTitle: 'wrong-title',
} as const;

export interface FactFinding extends NoteFinding {
  /** The replacement that makes the claim agree with the knowledge, when there is exactly one. */
  readonly fix?: { readonly start: number; readonly end: number; readonly text: string };
  /** The knowledge entry the finding rests on (the tariff or the official). */
  readonly entry: SourceLocation;
}

/** Longer notes are not checked: one check reads the whole note at once. */
export const MAX_FACT_CHECKED_LENGTH = 2_000_000;

/** Silences the findings of its own line and of the next one, like `cspell:disable-next-line`. */
export const IGNORE_COMMENT = '<!-- trade-notes-ignore -->';

/** Words that make a sentence about a tariff. */
const TARIFF_WORD = /\b(?:tariffs?|dut(?:y|ies)|lev(?:y|ies))\b|关税|税率/gi;

/**
 * Words that make a sentence something other than a statement of fact about the rate: plans, threats,
 * conditions, negations, averages, comparisons. A sentence with one of them is not checked.
 */
const NOT_A_PLAIN_FACT =
  /\b(?:would|will|could|might|should|threat(?:en(?:s|ed|ing)?)?|propos(?:e|es|ed|al|als)|plan(?:s|ned)?|vow(?:s|ed)?|warn(?:s|ed)?|announc(?:e|es|ed|ement)|consider(?:s|ed|ing)?|if|unless|expect(?:s|ed)?|intend(?:s|ed)?|aim(?:s|ed)?|seek(?:s|ing)?|not|never|no longer|n['’]t|rather than|instead of|deny|denied|false(?:ly)?|rumou?r(?:s|ed)?|reportedly|average[ds]?|averaging|weighted|effective rate|blended|overall|estimate[ds]?|model(?:s|led|ed)?|scenario|hypothetical|claim(?:s|ed)?|suggest(?:s|ed)?|agree(?:s|d|ment)?|pledge[ds]?|commit(?:s|ted)?|promise[ds]?|offer(?:s|ed)?|in case|in the event|risks?|possibl[ey]|potential(?:ly)?|(?:un)?likely|poised|prospects?|fears?|feared|wrong(?:ly)?|incorrect(?:ly)?|erroneous(?:ly)?|mistaken(?:ly)?|correction|misreport(?:s|ed)?|depend(?:s|ing)?|var(?:y|ies|ying)|ranging)\b|如果|将|拟|威胁|计划|可能|不是|平均|宣布|错误/i;

/** "may" as a verb: lower case only, for "May" is a month. */
const MAY = /\bmay\b/;

/** Parts of a tariff, other measures and other legal bases: a figure near one is not the tariff's headline rate. */
const PART_OF_A_TARIFF =
  /\b(?:reciprocal|fentanyl|baseline|section\s+(?:301|232|122|338)|ieepa|mfn|most[- ]favou?red|anti-?dumping|countervailing|safeguard|de minimis|port fees?|export controls?|quota|vat|exclusions?|exempt(?:ion|ions|ed)?|suspended|paused)\b|对等|芬太尼|反倾销|反补贴/i;

/** Goods that have tariffs of their own: a sentence about them is about a tariff the knowledge may not have. */
const GOODS =
  /\b(?:soy(?:beans?)?|farm|agricultur(?:e|al)|pork|beef|chicken|poultry|wheat|corn|cotton|sorghum|dairy|fruits?|vegetables?|seafood|lng|gas|coal|crude|oil|cars?|vehicles?|autos?|automobiles?|ev|evs|steel|alumini?um|copper|lumber|timber|semiconductors?|chips?|smartphones?|phones?|laptops?|computers?|electronics|pharmaceuticals?|drugs?|medicines?|solar|batteries|battery|lithium|graphite|rare earths?|minerals?|machinery|ships?|vessels?|cranes?|textiles?|apparel|toys|furniture)\b|大豆|农产品|猪肉|牛肉|鸡肉|汽车|钢|铝|芯片|半导体|稀土|煤|石油|原油|液化天然气/i;

const GOODS_ALL = new RegExp(GOODS.source, 'gi');

/** Words right before a figure that make it not a rate: a change, a bound, an approximation. */
const BEFORE_NOT_A_RATE = new PatternBefore(
  String.raw`(?:\b(?:by|additional|extra|further|another|more|up\s+to|over|under|above|below|exceed(?:s|ed|ing)?|beyond|nearly|almost|about|around|roughly|approximately|some|at\s+least|at\s+most|less\s+than|more\s+than|higher\s+than|lower\s+than|plus|minus|an?\s+extra|an?\s+additional|a\s+further|another)\s+|[+±~≈]\s*|再|额外|累计|超过|高达|约)`,
  'i',
);

/** Words right after a figure that make it not a rate: of something, a change, points. */
const AFTER_NOT_A_RATE =
  /^\s*(?:of\b|points?\b|percentage\b|pts?\b|rise|fall|increase|decrease|drop|jump|gain|decline|growth|share|stake|more|less|higher|lower|lead|margin|cut\b|hike\b|boost|surge|slump|plunge|chance|probability|likely|majority|minority|stake|return|yield|inflation|interest)|^\s*(?:的)?(?:增长|下降|涨幅|降幅|份额)/i;

/** A tariff word within a few words after the figure: "145% tariffs", "125 per cent retaliatory duties". */
const TARIFF_WORD_AFTER =
  /^\s*(?:[\p{L}-]+\s+){0,2}?(?:tariffs?|dut(?:y|ies)|lev(?:y|ies))\b|^\s*(?:的)?(?:关税|附加税|税)/iu;

/** The figure's own tariff word after it, not one after a conjunction ("30% and Chinese levies on …"). */
const OWN_TARIFF_AFTER =
  /^\s*(?:(?!(?:and|or|but|while|whereas|with)\b)[\p{L}-]+\s+){0,2}?(?:tariffs?|dut(?:y|ies)|lev(?:y|ies))\b|^\s*(?:的)?(?:关税|附加税|税)/iu;

/** A rate phrase right before the figure, after a tariff word earlier in the sentence: "tariffs … to 145%". */
const RATE_PHRASE_BEFORE = new PatternBefore(
  String.raw`(?:\b(?:to|at|of|from|is|are|was|were|reached|hit|stood\s+at|stands?\s+at|stand\s+at|remains?(?:\s+at)?|remained(?:\s+at)?|rate\s+of|rates\s+of|now|currently|still|set\s+at|fixed\s+at|,)\s+|[:|]\s*|为|至|到|达|是)`,
  'i',
);

/** Markers of a claim about the present, which a dated note makes as of its date. */
const CURRENT =
  /\b(?:now|currently|at present|presently|today|still|remains?|stands?\s+at|in (?:force|effect|place))\b|(?:\b(?:is|are)\s+(?:at\s+)?)(?=\d)|目前|现在|现行|仍/i;

const CURRENT_ALL = new RegExp(CURRENT.source, 'gi');

/** Words that make a sentence speak of another time than now: a "still" there is then's. */
const ANOTHER_TIME =
  /\b(?:(?:19|20)\d\d|then|once|previously|formerly|earlier|later|until|till|before|after|when|ago|going into)\b|之前|之后|以前|当时|曾|时[，,]/i;

/** Words that put a clause in the past: "were still 145%", "was in force for a month". */
const PAST =
  /\b(?:was|were|had|did|hit|peaked|reached|rose|fell|climbed|jumped|soared|dropped|stood|went|came|ended|expired|lifted|removed|scrapped|imposed|raised|lowered|cut|end|ends|memory)\b|此前/i;

/** A peak or a low: the figure is a record of the past, whatever the sentence's date or tense. */
const PEAK = /\b(?:peak(?:s|ed)?|highs?|highest|height|record|lows?|lowest|top(?:ped)?)\b|峰值|最高|最低/i;

/** A heading line (ATX) in a stretch of lines. */
const HEADING_LINE = /^ {0,3}#{1,6}[ \t]/m;

/** Words that make a date relative to something else: "eight days later", "between April and November". */
const RELATIVE_TIME = /\b(?:later|earlier|afterwards|within|between|ago|prior)\b/i;

/** Prepositions before an event's place that make it a time: "after the Geneva talks", "since Busan". */
const TEMPORAL_EVENT_PREPOSITIONS = new Set(['after', 'since', 'following', 'during', 'before', 'ahead of']);

/** Prepositions that tie a date to the sentence closely enough to check the figure against it. */
const PINNING_PREPOSITIONS = new Set(['on', 'in', 'since', 'from', 'as of', 'effective', 'starting', 'during']);

/** Nouns after a place that make it an event: "the Geneva talks", "the London meeting". */
const EVENT_NOUN =
  /^[\s-]*(?:trade\s+)?(?:talks|meeting|meetings|round|agreement|deal|statement|truce|summit|call|consensus|negotiations|framework|accord)\b/i;
const EVENT_PREPOSITION = new PatternBefore(
  String.raw`\b(in|at|after|since|following|during|before|ahead of)\s+(?:the\s+)?`,
  'i',
);

/** Right before a figure: the rate a change starts from ("cut from 145% to 30%"). */
const FROM_BEFORE = new PatternBefore(String.raw`\bfrom\s+|从`, 'i');

/** Words that make the country a few words after them a tariff's target: "on Chinese goods". */
const TARGET_PREPOSITIONS = ['on', 'against', 'targeting'];
/** Words that make the country after "from" a tariff's target: "imports from China". */
const TRADED_GOODS = ['goods', 'imports', 'products', 'exports', 'shipments'];

/** Right before a title: a word that makes it a title the check cannot judge ("former Commerce Secretary"). */
const TITLE_QUALIFIER_BEFORE = new PatternBefore(
  String.raw`\b(?:former|ex|then|acting|deputy|vice|late|under)[\s-]+`,
  'i',
);

/**
 * Days around a stated date within which a figure counts as in force: news dates a change by its
 * announcement as often as by its effect ("on 11 April China raised its tariffs to 125%", in force on the
 * 12th), and "cut from 145% to 30% on 14 May" names the rate of the day before.
 */
const DATE_SLACK_DAYS = 3;

/** Days after an event's last day during which rates it led to took effect (Geneva: 11 May, effective 14 May; Busan: 30 October, 10 November). */
const EVENT_FOLLOW_UP_DAYS = 14;

interface Sentence {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

interface Figure {
  readonly start: number;
  readonly end: number;
  /** Where its number ends, so a fix replaces only the number and keeps the note's `%` or `per cent`. */
  readonly numberEnd: number;
  readonly rate: number;
}

/** What a sentence says about when: periods of days, or "undated", or "a date the check cannot use". */
type When =
  | { readonly kind: 'undated' }
  | { readonly kind: 'unclear' }
  | { readonly kind: 'periods'; readonly periods: readonly Period[] };

interface Period {
  /** Where the sentence states it: [at, end). */
  readonly at: number;
  readonly end: number;
  /** ISO dates, inclusive; `to` may be open (undefined: up to the latest step). */
  readonly from: string;
  readonly to?: string;
  /** The same with {@link DATE_SLACK_DAYS} on each side (`to` never open here). */
  readonly slack: { readonly from: string; readonly to: string };
  /**
   * How the message names it at the start of a sentence: "On 10 Apr 2025", "In April 2025", "At the time
   * of …"; written only for a finding.
   */
  readonly label: () => string;
}

/** Every fact-check finding in a note, in text order. */
export function factCheck(input: CheckedNote): FactFinding[] {
  return new FactChecker().check(input);
}

/**
 * The fact check of one note, kept between checks: it finds what changed since the last check, checks
 * again only the paragraphs the change touched, and moves the other findings along. The result is
 * exactly what {@link factCheck} gives for the new text (the equivalence tests check this).
 */
export class FactChecker {
  private last:
    | {
        readonly text: string;
        readonly knowledge: Knowledge;
        readonly noteDate: string | undefined;
        /** Before the ignore comments are applied. */
        readonly findings: readonly FactFinding[];
      }
    | undefined;

  check(input: CheckedNote): FactFinding[] {
    const { uri, text, mentions, knowledge } = input;
    if (text.length > MAX_FACT_CHECKED_LENGTH || knowledge.tariffs.size + knowledge.officials.size === 0) {
      this.last = undefined;
      return [];
    }
    const noteDate = noteDateOf(text, uri);
    const checker = new NoteChecker(text, mentions, knowledge, noteDate);
    const last = this.last;
    let change =
      last && last.knowledge === knowledge && last.noteDate === noteDate?.iso
        ? changeBetween(last.text, text)
        : undefined;
    // A heading's date governs the current claims of its section (see isUnderDatedSection), beyond the
    // paragraphs around the change: an edit that makes or unmakes a heading, or touches one with a date,
    // checks the whole note again. Typing in an undated heading does not.
    if (last && change) {
      const linesOf = (of: string, from: number, to: number): string => {
        const end = of.indexOf('\n', to);
        return of.slice(of.lastIndexOf('\n', from - 1) + 1, Math.max(from, end < 0 ? of.length : end));
      };
      const before = linesOf(last.text, change.start, change.start + change.oldLength);
      const after = linesOf(text, change.start, change.start + change.newLength);
      const [wasHeading, isHeading] = [HEADING_LINE.test(before), HEADING_LINE.test(after)];
      if (
        (wasHeading || isHeading) &&
        (wasHeading !== isHeading || findProseDates(before).length > 0 || findProseDates(after).length > 0)
      ) {
        change = undefined;
      }
    }
    let findings: FactFinding[];
    if (last && change) {
      // The paragraphs around the change, in the old text and in the new one: nothing outside them moved
      // but by the change's length, and no finding depends on text outside its paragraph.
      const delta = change.newLength - change.oldLength;
      const from = Math.min(paragraphAround(last.text, change.start).start, paragraphAround(text, change.start).start);
      const to = Math.max(
        paragraphAround(last.text, change.start + change.oldLength).end + delta,
        paragraphAround(text, change.start + change.newLength).end,
      );
      const before = last.findings.filter((finding) => finding.start < from);
      const after = last.findings
        .filter((finding) => finding.start >= to - delta)
        .map((finding) => moved(finding, delta));
      const within = checker.findings(from, to);
      findings = [...before, ...within, ...after];
    } else if (last && last.text === text && last.knowledge === knowledge) {
      findings = [...last.findings];
    } else {
      findings = checker.findings(0, text.length);
    }
    this.last = { text, knowledge, noteDate: noteDate?.iso, findings };
    const ignored = ignoredSpans(text);
    return ignored.length === 0
      ? findings
      : findings.filter((finding) => !ignored.some(([start, end]) => finding.start >= start && finding.start < end));
  }
}

function byPlace(a: FactFinding, b: FactFinding): number {
  return a.start - b.start || a.end - b.end;
}

function moved(finding: FactFinding, delta: number): FactFinding {
  return {
    ...finding,
    start: finding.start + delta,
    end: finding.end + delta,
    fix: finding.fix && { ...finding.fix, start: finding.fix.start + delta, end: finding.fix.end + delta },
  };
}

/** What the check derives from the knowledge once, not per note: the knowledge never changes once merged. */
interface KnowledgeTerms {
  readonly eventKeywords: ReadonlyMap<string, readonly TimelineEvent[]>;
  /** The last day on which each event's rates may have taken effect; none for an event with a bad date. */
  readonly followUps: ReadonlyMap<TimelineEvent, string>;
  /** Any known title, longest first, and the spaces after it. */
  readonly titleAtEnd: PatternBefore | undefined;
  /** The goods each tariff's label names. */
  readonly goods: ReadonlyMap<Tariff, readonly string[]>;
  /** Words other than their title's that may stand in a title before each official's name (aliases, country). */
  readonly nameWords: ReadonlyMap<Official, ReadonlySet<string>>;
}

const termsByKnowledge = new WeakMap<Knowledge, KnowledgeTerms>();

function termsOf(knowledge: Knowledge): KnowledgeTerms {
  return cached(termsByKnowledge, knowledge, () => {
    const titles = knownTitles(knowledge).sort((a, b) => b.length - a.length);
    const alternatives = titles.map((title) => title.split(/\s+/).map(escapeRegExp).join('[ \\t\\u00a0]+'));
    return {
      eventKeywords: eventKeywords(knowledge),
      followUps: followUps(knowledge),
      titleAtEnd:
        alternatives.length === 0
          ? undefined
          : new PatternBefore(`(?<![\\p{L}\\p{N}-])(${alternatives.join('|')})([ \\t\\u00a0]+)`, 'u'),
      goods: new Map([...knowledge.tariffs.values()].map((tariff) => [tariff, goodsIn(tariff.label)])),
      nameWords: new Map(
        [...knowledge.officials.values()].map((official) => [official, nameWordsOf(official, knowledge)]),
      ),
    };
  });
}

/** The value under `key` in `cache`, made by `make` the first time it is asked for. */
function cached<K, V>(cache: { get(key: K): V | undefined; set(key: K, value: V): unknown }, key: K, make: () => V): V {
  let value = cache.get(key);
  if (value === undefined) cache.set(key, (value = make()));
  return value;
}

/** What the knowledge says an official's title is, and how a finding says it. */
interface KnownTitle {
  readonly words: ReadonlySet<string>;
  /** The finding's message: the official's name and the title written → "Bessent is …, not …". */
  readonly claim: (name: string, written: string) => string;
  readonly fix?: string;
}

/** The known title of each official with one `title`, not dated ones. */
const singleTitles = new WeakMap<Official, KnownTitle>();

/** The titles each official with dated `titles` has held, for a note without a date. */
const everyTitle = new WeakMap<Official, KnownTitle>();

class NoteChecker {
  private readonly terms: KnowledgeTerms;
  private readonly candidatesByNames = new Map<string, readonly Tariff[]>();
  private readonly slackByPeriod = new Map<string, Period['slack']>();
  private readonly titlesOnNoteDate = new Map<Official, KnownTitle | null>();
  private headingLines: Span[] | undefined;

  constructor(
    private readonly text: string,
    private readonly mentions: readonly Mention[],
    private readonly knowledge: Knowledge,
    private readonly noteDate: NoteDate | undefined,
  ) {
    this.terms = termsOf(knowledge);
  }

  /** The findings in [from, to), in text order. */
  findings(from: number, to: number): FactFinding[] {
    // Pushed into one array rather than yielded: a large note has thousands of sentences to check.
    const found: FactFinding[] = [];
    this.figureFindings(from, to, found);
    this.titleFindings(from, to, found);
    return found.sort(byPlace);
  }

  /** Findings on figures in the sentences that have a tariff word in [from, to). */
  private figureFindings(from: number, to: number, found: FactFinding[]): void {
    // The front matter is data, not prose.
    let checkedUpTo = Math.max(from, FRONT_MATTER.exec(this.text)?.[0].length ?? 0);
    const words = new RegExp(TARIFF_WORD.source, 'gi');
    words.lastIndex = checkedUpTo;
    let paragraph: { start: number; end: number } | undefined;
    for (let match = words.exec(this.text); match && match.index < to; match = words.exec(this.text)) {
      if (match.index < checkedUpTo) continue;
      // One paragraph holds many sentences: find its bounds once.
      if (!paragraph || match.index >= paragraph.end) paragraph = paragraphAround(this.text, match.index);
      const sentence = sentenceAround(this.text, match.index, this.mentions, paragraph);
      checkedUpTo = sentence.end;
      words.lastIndex = Math.max(words.lastIndex, sentence.end);
      this.checkSentence(sentence, found);
    }
  }

  /** Findings on titles before the officials named in [from, to). */
  private titleFindings(from: number, to: number, found: FactFinding[]): void {
    const { titleAtEnd, nameWords } = this.terms;
    if (!titleAtEnd) return;
    for (let k = firstStartingAtOrAfter(this.mentions, from); k < this.mentions.length; k++) {
      const mention = this.mentions[k]!;
      if (mention.start >= to) break;
      if (mention.kind !== 'official') continue;
      const official = this.knowledge.officials.get(mention.officialId);
      if (!official) continue;
      // An alias may hold a title ("Secretary Bessent"): the title written is what stands before the name.
      const written = titleBefore(this.text, nameStartIn(this.text, mention, official), titleAtEnd);
      if (
        !written ||
        INFORMAL_TITLE.test(written.title) ||
        !this.isWholeTitle(written.start, official) ||
        NAME_SUFFIX.test(this.text.slice(mention.end))
      ) {
        continue;
      }
      const known = this.knownTitleOf(official, mention.start);
      const allowed = (word: string) => nameWords.get(official)!.has(word) || known?.words.has(word);
      if (!known || wordsOf(written.title).every(allowed)) continue;
      found.push({
        start: written.start,
        end: written.end,
        code: FactRule.wrongTitle,
        severity: 'warning',
        message: withSource(known.claim(official.name, written.title), official.links),
        fix: known.fix === undefined ? undefined : { start: written.start, end: written.end, text: known.fix },
        entry: official.source,
      });
    }
  }

  /**
   * The word before the spaces before `at` ("" when no space or no word is there), read backwards by
   * character: a pattern anchored at the end of a slice would try every place in it, for every title.
   */
  private wordBefore(at: number): string {
    let end = at;
    while (end > 0 && TITLE_SPACE.has(this.text[end - 1]!)) end--;
    let begin = end;
    while (begin > 0 && end < at && WORD_BEFORE_TITLE.test(this.text[begin - 1]!)) begin--;
    return this.text.slice(begin, end);
  }

  /**
   * Whether a title written at `start` is the whole title: not the end of a longer one the knowledge does
   * not know ("General Secretary Xi", "Executive Vice President …"). A capitalised word right before it
   * makes it longer, unless it is a word of the official's country or aliases ("US Commerce Secretary",
   * "Chinese Vice Premier") or a word that starts a sentence ("When Commerce Secretary …").
   */
  private isWholeTitle(start: number, official: Official): boolean {
    const before = this.wordBefore(start);
    if (before === '' || !/^\p{Lu}/u.test(before) || SENTENCE_OPENERS.has(before)) return true;
    const words = this.terms.nameWords.get(official)!;
    return wordsOf(before).every((word) => words.has(word));
  }

  /**
   * What the knowledge says an official's title is, where the note is about: their one `title`, or with
   * dated `titles` the one in force on the note's date. Undefined when the check cannot tell: a sentence
   * that speaks of another time (a year, a date, "then") or a date no dated title covers.
   */
  private knownTitleOf(official: Official, at: number): KnownTitle | undefined {
    if (official.titles.length === 0) {
      // The same wherever the official is named: once per official (a note names them again and again).
      // The message is written when asked, in the display language of the time.
      return cached(singleTitles, official, () => ({
        words: new Set(wordsOf(`${official.title} ${official.organization ?? ''}`)),
        claim: (name, written) =>
          t('{0} is {1}, not {2}.', name, describeTitle(official.title, official.organization), written),
        fix: preferredTitle(official),
      }));
    }
    const sentence = sentenceAround(this.text, at, this.mentions);
    if (ANOTHER_TIME.test(sentence.text) || findProseDates(this.text, sentence.start, sentence.end).length > 0) {
      return undefined;
    }
    const date = this.noteDate?.iso;
    if (date === undefined) {
      return cached(everyTitle, official, () => ({
        words: new Set([
          ...titleWords(official.titles),
          ...wordsOf(`${official.title} ${official.organization ?? ''}`),
        ]),
        claim: (name, written) => {
          const periods = official.titles.map((held) =>
            t({
              message: '{0} {1}',
              args: [describeTitle(held.title, held.organization), describeTenure(held)],
              comment: 'a title and when it was held: "Commerce Secretary from 1 Feb 2025"',
            }),
          );
          return t('{0} has been {1}, not {2}.', name, formatLongList(periods), written);
        },
      }));
    }
    // The same for every mention of the official in the note: once per official (null: no title covers the date).
    return cached(this.titlesOnNoteDate, official, () => titlesOn(official, date) ?? null) ?? undefined;
  }

  private checkSentence(sentence: Sentence, found: FactFinding[]): void {
    // Cheapest refusals first: most sentences with a tariff word have no figure that is a rate.
    const figures = figuresIn(this.text, sentence);
    if (figures.length === 0) return;
    // Quoted words are someone else's claim; plans, negations and averages are not a rate in force; a
    // part of a tariff (its reciprocal or fentanyl part, an exclusion) may be what the figures are of.
    if (
      isInBlockQuote(this.text, sentence.start) ||
      NOT_A_PLAIN_FACT.test(sentence.text) ||
      MAY.test(sentence.text) ||
      PART_OF_A_TARIFF.test(sentence.text)
    ) {
      return;
    }
    const quoted = quotedRanges(sentence);
    const firstTariffWord = sentence.text.search(TARIFF_WORD);
    const rates = figures.filter(
      (figure) =>
        !quoted.some(([from, to]) => figure.start >= from && figure.start < to) &&
        this.isTariffRate(sentence, figure, firstTariffWord),
    );
    if (rates.length === 0) return;
    const inSentence = this.mentionsIn(sentence.start, sentence.end);
    const countries = countriesNamed(inSentence, this.knowledge);
    if (countries.length === 0 || namesAnotherCountry(sentence, inSentence)) return;
    const pool = this.candidateTariffs(sentence, countries);
    if (pool.length === 0) return;
    const when = this.whenOf(sentence);
    if (when.kind === 'unclear') return;
    // Clauses say which figure a date, a "now" or a target speaks of.
    const clauses = clausesOf(sentence, figures);
    for (const figure of rates) {
      const own = clauseAt(clauses, figure.start)!;
      // The tariff "on" a country named with the figure: in "US tariffs on China at 30%, and China's on
      // US goods at 10%", each figure has its own.
      const target = this.targetCountry(sentence, inSentence, figure, own);
      const onTarget = pool.filter((tariff) => tariff.on === target);
      const candidates = onTarget.length > 0 ? onTarget : pool;
      const finding = this.checkFigure(sentence, figure, candidates, whenFor(this.text, figure, when, clauses), () =>
        claimsCurrent(this.text, sentence, figure, clauses),
      );
      if (finding) found.push(finding);
    }
  }

  /** Whether the figure is written as a tariff's rate, not as a change, a share or a part of it. */
  private isTariffRate(sentence: Sentence, figure: Figure, firstTariffWord: number): boolean {
    const beforeStart = Math.max(sentence.start, figure.start - 40);
    const after = this.text.slice(figure.end, Math.min(sentence.end, figure.end + 40));
    if (BEFORE_NOT_A_RATE.test(this.text, beforeStart, figure.start) || AFTER_NOT_A_RATE.test(after)) return false;
    if (TARIFF_WORD_AFTER.test(after)) return true;
    if (firstTariffWord < 0 || sentence.start + firstTariffWord >= figure.start) return false;
    if (!RATE_PHRASE_BEFORE.test(this.text, beforeStart, figure.start)) return false;
    // The tariff word must be in the figure's own stretch of the sentence: in "tariffs stand at 30%, and
    // inflation was 2.4%", 2.4% is not a rate of theirs.
    const stretchStart = Math.max(sentence.start, lastStretchBreak(this.text, figure.start - 1, sentence.start) + 1);
    return (
      sentence.start + firstTariffWord >= stretchStart ||
      this.text.slice(stretchStart, figure.start).search(TARIFF_WORD) >= 0
    );
  }

  private checkFigure(
    sentence: Sentence,
    figure: Figure,
    candidates: readonly Tariff[],
    when: When,
    isCurrentClaim: () => boolean,
  ): FactFinding | undefined {
    const top = candidates[0]!;
    const hasRate = (tariff: Tariff): boolean => tariff.history.some((step) => sameRate(step.rate, figure.rate));
    // Up to when the knowledge was checked (`asOf`): it says nothing about rates after that date.
    const checkedUpTo = (tariff: Tariff): string => this.knowledge.asOfSourceOf(tariff) ?? '9999-12-31';
    if (when.kind === 'periods') {
      // A sentence about a time before the knowledge begins, or after it was last checked, says nothing
      // the knowledge can check.
      const covered = when.periods.every((period) =>
        candidates.some((t) => (period.to ?? '9999') >= t.history[0]!.date && period.from <= checkedUpTo(t)),
      );
      if (!covered) return undefined;
    }
    const reference = this.noteDate?.iso;
    if (
      reference !== undefined &&
      candidates.some((tariff) => reference > checkedUpTo(tariff)) &&
      when.kind !== 'periods'
    ) {
      return undefined;
    }
    const asOf = this.knowledge.asOfSourceOf(top);
    if (!candidates.some(hasRate)) {
      return {
        ...this.at(figure, FactRule.neverRecorded, top),
        message: withSource(
          asOf
            ? t(
                '{0} never had a rate of {1}: its recorded rates {2} are {3}.',
                top.label,
                formatRate(figure.rate),
                describeAsOf(asOf),
                describeHistory(top.history),
              )
            : t(
                '{0} never had a rate of {1}: its recorded rates are {2}.',
                top.label,
                formatRate(figure.rate),
                describeHistory(top.history),
              ),
          top.links,
        ),
      };
    }
    const isFromFigure = FROM_BEFORE.test(this.text, Math.max(sentence.start, figure.start - 12), figure.start);
    if (when.kind === 'periods') {
      const accepted = candidates.some((tariff) =>
        when.periods.some((period) =>
          stepsInForceDuring(tariff.history, period.slack.from, period.slack.to).some((step) =>
            sameRate(step.rate, figure.rate),
          ),
        ),
      );
      if (accepted) return undefined;
      const period = when.periods[0]!;
      const steps = stepsInForceDuring(top.history, period.from, period.to ?? '9999-12-31');
      if (steps.length === 0) return undefined;
      const single = steps.length === 1 ? steps[0]! : undefined;
      return {
        ...this.at(figure, FactRule.notInForce, top, single?.rate),
        message: withSource(
          steps.length === 1
            ? t('{0}, {1} was {2}, not {3}.', period.label(), top.label, describeSteps(steps), formatRate(figure.rate))
            : t(
                '{0}, {1} went through {2}, not {3}.',
                period.label(),
                top.label,
                describeSteps(steps),
                formatRate(figure.rate),
              ),
          this.linksOf(top, single),
        ),
      };
    }
    if (isFromFigure || !isCurrentClaim() || this.isUnderDatedSection(sentence.start)) return undefined;
    const inForce = (tariff: Tariff): TariffStep | undefined =>
      reference === undefined ? tariff.history.at(-1) : stepInForce(tariff.history, reference);
    if (
      candidates.some((tariff) => {
        const step = inForce(tariff);
        return step !== undefined && sameRate(step.rate, figure.rate);
      })
    ) {
      return undefined;
    }
    const current = inForce(top);
    if (!current) return undefined;
    const [rate, since, wrong] = [formatRate(current.rate), formatDate(current.date), formatRate(figure.rate)];
    const message = this.noteDate
      ? t(
          "On {0} (the note's date), {1} stood at {2}, in force since {3}, not {4}.",
          formatDate(this.noteDate.iso),
          top.label,
          rate,
          since,
          wrong,
        )
      : asOf
        ? t(
            'The latest recorded rate of {0} {1} is {2}, in force since {3}, not {4}.',
            top.label,
            describeAsOf(asOf),
            rate,
            since,
            wrong,
          )
        : t('The latest recorded rate of {0} is {1}, in force since {2}, not {3}.', top.label, rate, since, wrong);
    return {
      ...this.at(figure, FactRule.notCurrent, top, current.rate),
      message: withSource(message, this.linksOf(top, current)),
    };
  }

  /**
   * Whether the heading above `at` names a date other than the note's: a log of dated sections ("## 10
   * April 2025" … "now stand at 145%") speaks from each section's date, not the note's.
   */
  private isUnderDatedSection(at: number): boolean {
    // The heading lines, found once per check and only when a current claim asks.
    this.headingLines ??= headingLinesIn(this.text);
    const above = firstStartingAtOrAfter(this.headingLines, at) - 1;
    if (above < 0) return false;
    const { start, end } = this.headingLines[above]!;
    if (this.noteDate?.source === 'heading' && this.noteDate.start! >= start && this.noteDate.start! < end)
      return false;
    return findProseDates(this.text, start, end).length > 0;
  }

  /**
   * The links that back a finding about one step of a tariff: the step's own first, then those of the
   * event it links to (the meeting or measure that set that rate), then the tariff's.
   */
  private linksOf(tariff: Tariff, step: TariffStep | undefined): readonly string[] {
    const event = step?.event === undefined ? undefined : this.knowledge.events.get(step.event);
    return [...(step?.links ?? []), ...(event?.links ?? []), ...tariff.links];
  }

  /** The finding's place, rule, entry and fix. */
  private at(figure: Figure, code: string, tariff: Tariff, rightRate?: number): Omit<FactFinding, 'message'> {
    const fix =
      rightRate === undefined
        ? undefined
        : { start: figure.start, end: figure.numberEnd, text: writtenRate(rightRate).slice(0, -1) };
    return { start: figure.start, end: figure.end, code, severity: 'warning', entry: tariff.source, fix };
  }

  /**
   * The tariffs the sentence may be about, the one imposed by the country named first first: between
   * the countries it names (or, when it names one, those of that country), leaving out tariffs on
   * particular goods unless the sentence names those goods. Empty when the sentence names countries
   * between which the knowledge has no tariff, or goods no tariff of the knowledge covers.
   */
  private candidateTariffs(sentence: Sentence, countries: readonly string[]): readonly Tariff[] {
    const goods = goodsIn(sentence.text);
    // Sentences of a note name the same few countries and goods again and again.
    const key = `${countries.join(' ')}|${goods.join(' ')}`;
    return cached(this.candidatesByNames, key, () => this.tariffsBetween(countries, goods));
  }

  private tariffsBetween(countries: readonly string[], goods: readonly string[]): Tariff[] {
    const named = new Set(countries);
    const all = [...this.knowledge.tariffs.values()];
    let candidates =
      countries.length > 1
        ? all.filter((t) => named.has(t.by) && named.has(t.on))
        : all.filter((t) => named.has(t.by) || named.has(t.on));
    // A tariff on particular goods ("US farm goods") is a candidate only in a sentence that names them, and
    // a sentence naming goods that no candidate's label covers is about a tariff the knowledge lacks.
    const labelGoods = (tariff: Tariff): readonly string[] => this.terms.goods.get(tariff) ?? [];
    candidates = candidates.filter((tariff) => labelGoods(tariff).every((good) => goods.includes(good)));
    const covered = new Set(candidates.flatMap(labelGoods));
    if (goods.some((good) => !covered.has(good))) return [];
    // The tariff on the goods the sentence names before a tariff on all goods, then the one imposed by the
    // country named first.
    const first = countries[0];
    return candidates.sort(
      (a, b) => labelGoods(b).length - labelGoods(a).length || Number(b.by === first) - Number(a.by === first),
    );
  }

  /**
   * The country a tariff is imposed on, when the sentence says it before `at`: "on Chinese goods", "on
   * imports from China". Only the nearest country counts: one named between the target and the figure
   * may be the figure's ("tariffs on American goods peaked at 125%, after the US reached 145%"), and then
   * the figure has no target of its own.
   */
  private targetCountry(
    sentence: Sentence,
    inSentence: readonly Mention[],
    figure: Figure,
    own: Clause,
  ): string | undefined {
    // The figure's own tariff, written after it, comes first: "125% tariffs on American goods".
    const after = this.text.slice(figure.end, Math.min(sentence.end, figure.end + 40));
    if (OWN_TARIFF_AFTER.test(after)) {
      for (const next of inSentence) {
        if (next.start < figure.end || next.start >= figure.end + 60) continue;
        const code = countryOf(next, this.knowledge);
        if (code && isTargetBefore(this.text, figure.end, next.start)) return code;
      }
    }
    let nearest: { code: string; mention: Mention } | undefined;
    const targets = new Set<string>();
    /** Countries that are targets in the figure's own clause: two there ("… and Beijing's on American goods … 145% and 125%") say nothing of which is whose. */
    const targetsInOwnClause = new Set<string>();
    for (let k = inSentence.length - 1; k >= 0; k--) {
      const mention = inSentence[k]!;
      const code = mention.start < figure.start ? countryOf(mention, this.knowledge) : undefined;
      if (!code) continue;
      const isTarget = isTargetBefore(this.text, Math.max(sentence.start, mention.start - 40), mention.start);
      // Only the nearest country counts: one named between the target and the figure may be the figure's.
      if (nearest === undefined && !isTarget && targets.size === 0) return undefined;
      if (isTarget) {
        nearest ??= { code, mention };
        targets.add(code);
        if (mention.start >= own.start) targetsInOwnClause.add(code);
      }
    }
    if (!nearest) return undefined;
    const { code, mention } = nearest;
    const between = this.text.slice(mention.end, figure.start);
    // "the US tariffs on Chinese goods … with 125% …": another tariff word between them starts another
    // tariff; "on the Chinese side" is whose tariff, not its target; with targets of both sides before
    // it, only one in the figure's own clause says which.
    if (
      between.search(TARIFF_WORD) >= 0 ||
      /^\s+side\b/i.test(between) ||
      (targets.size > 1 && (mention.start < own.start || targetsInOwnClause.size > 1))
    ) {
      return undefined;
    }
    return code;
  }

  /** The periods the sentence's dates and named events stand for. */
  private whenOf(sentence: Sentence): When {
    const periods: Period[] = [];
    for (const date of findProseDates(this.text, sentence.start, sentence.end)) {
      if (date.preposition !== undefined && !PINNING_PREPOSITIONS.has(date.preposition)) return { kind: 'unclear' };
      // "a fact sheet of 1 November", "within eight days of 2 April": a date after another word is not the figure's.
      if (
        date.preposition === undefined &&
        /[\p{L}][\s\p{Pd}]*$/u.test(this.text.slice(Math.max(sentence.start, date.start - 3), date.start)) &&
        !/\p{Script=Han}/u.test(this.text[date.start - 1] ?? '')
      ) {
        return { kind: 'unclear' };
      }
      const period = this.periodOf(date);
      if (!period) return { kind: 'unclear' };
      periods.push(period);
    }
    for (const { event, preposition, at, end } of this.eventsNamed(sentence)) {
      if (preposition === 'before' || preposition === 'ahead of') return { kind: 'unclear' };
      const followUp = this.terms.followUps.get(event);
      if (followUp === undefined) continue;
      const open = preposition === 'after' || preposition === 'since' || preposition === 'following';
      const to = open ? this.noteDate?.iso : followUp;
      periods.push({
        at,
        end,
        from: event.date,
        to,
        slack: this.slackAround(event.date, to),
        label: () => t('At the time of {0} ({1})', event.title, formatDateRange(event.date, event.end)),
      });
    }
    if (periods.length > 0 && RELATIVE_TIME.test(sentence.text)) return { kind: 'unclear' };
    return periods.length > 0 ? { kind: 'periods', periods } : { kind: 'undated' };
  }

  /** A period's bounds with the slack, once per period: a note states the same dates again and again. */
  private slackAround(from: string, to: string | undefined): Period['slack'] {
    return cached(this.slackByPeriod, `${from} ${to}`, () => ({
      from: shift(from, -DATE_SLACK_DAYS),
      to: shift(to, DATE_SLACK_DAYS),
    }));
  }

  private periodOf(date: ProseDate): Period | undefined {
    const reference = this.noteDate?.date;
    const from = withYear(date.from, reference);
    const to = withYear(date.to, reference);
    if (!from || !to) return undefined;
    const open = date.preposition === 'since' || date.preposition === 'from' || date.preposition === 'starting';
    const fromIso = isoOf(from);
    const toIso = open ? this.noteDate?.iso : isoOf(to);
    const span = spanOf(date);
    const label = (): string =>
      open
        ? t('Since {0}', formatDate(fromIso))
        : span === 'year'
          ? t('In {0}', formatYear(from.year))
          : span === 'month'
            ? t('In {0}', monthLabel(from))
            : t('On {0}', formatDateRange(fromIso, isoOf(to)));
    return { at: date.start, end: date.end, from: fromIso, to: toIso, slack: this.slackAround(fromIso, toIso), label };
  }

  /** Timeline events the sentence names by their place: "after the Geneva talks", "in London". */
  private eventsNamed(sentence: Sentence): { event: TimelineEvent; preposition?: string; at: number; end: number }[] {
    const found: { event: TimelineEvent; preposition?: string; at: number; end: number }[] = [];
    for (const [keyword, events] of this.terms.eventKeywords) {
      let at = sentence.text.indexOf(keyword);
      while (at >= 0) {
        const start = sentence.start + at;
        const end = start + keyword.length;
        const preposition = EVENT_PREPOSITION.exec(
          this.text,
          Math.max(sentence.start, start - 30),
          start,
        )?.[1]?.toLowerCase();
        const wordBounded =
          !/[\p{L}\p{N}]/u.test(this.text[start - 1] ?? ' ') && !/[\p{L}\p{N}]/u.test(this.text[end] ?? ' ');
        // A place alone is a place ("a complaint in Geneva"), and a bare "the Busan deal" no time: an event
        // is a time after a temporal word, or as "in/at the … talks".
        const named =
          (preposition !== undefined && TEMPORAL_EVENT_PREPOSITIONS.has(preposition)) ||
          ((preposition === 'in' || preposition === 'at') && EVENT_NOUN.test(this.text.slice(end, sentence.end)));
        if (wordBounded && named) {
          for (const event of events) found.push({ event, preposition, at: start, end });
        }
        at = sentence.text.indexOf(keyword, at + keyword.length);
      }
    }
    return found;
  }

  private mentionsIn(start: number, end: number): Mention[] {
    const first = firstStartingAtOrAfter(this.mentions, start);
    const list: Mention[] = [];
    for (let k = first; k < this.mentions.length && this.mentions[k]!.start < end; k++) list.push(this.mentions[k]!);
    return list;
  }
}

/** The country a mention stands for: a country, or an official's country. */
function countryOf(mention: Mention, knowledge: Knowledge): string | undefined {
  if (mention.kind === 'country') return mention.code;
  if (mention.kind === 'official') return knowledge.officials.get(mention.officialId)?.country;
  return undefined;
}

/**
 * Countries and blocs by their names and adjectives (capitalised, as prose writes them), and in Chinese.
 * A sentence that names one the knowledge does not know (not a mention) may be about that country's
 * tariffs ("Japanese goods face 15% US tariffs"), which the knowledge does not have: it is not checked.
 */
const OTHER_COUNTRY = new RegExp(
  `\\b(?:${[
    'Afghan(?:istan)?',
    'Albania[n]?',
    'Algeria[n]?',
    'Angola[n]?',
    'Argentin(?:a|e|ian)',
    'Armenia[n]?',
    'Australia[n]?',
    'Austria[n]?',
    'Azerbaijan[i]?',
    'Bahrain[i]?',
    'Bangladesh[i]?',
    'Belarus(?:ian)?',
    'Belgi(?:um|an)',
    'Bolivia[n]?',
    'Bosnia[n]?',
    'Brazil(?:ian)?',
    'Brit(?:ain|ish)',
    'Brunei',
    'Bulgaria[n]?',
    'Cambodia[n]?',
    'Canad(?:a|ian)',
    'Chile(?:an)?',
    'Colombia[n]?',
    'Costa Rica[n]?',
    'Croatia[n]?',
    'Cuba[n]?',
    'Cyprus',
    'Cypriot',
    'Czech(?:ia)?',
    'Denmark',
    'Danish',
    'Ecuador(?:ian)?',
    'Egypt(?:ian)?',
    'Estonia[n]?',
    'Ethiopia[n]?',
    'Europe(?:an)?',
    'EU',
    'Finland',
    'Finnish',
    'France',
    'French',
    'German[y]?',
    'Ghana(?:ian)?',
    'Greece',
    'Greek',
    'Guatemala[n]?',
    'Hondura[ns]',
    'Hong Kong',
    'Hungar(?:y|ian)',
    'Iceland(?:ic)?',
    'India[n]?',
    'Indonesia[n]?',
    'Iran(?:ian)?',
    'Iraq[i]?',
    'Ireland',
    'Irish',
    'Israel[i]?',
    'Ital(?:y|ian)',
    'Japan(?:ese)?',
    'Kazakh(?:stan)?',
    'Kenya[n]?',
    'Korea[n]?',
    'Kuwait[i]?',
    'Lao(?:s|tian)?',
    'Latvia[n]?',
    'Leban(?:on|ese)',
    'Lithuania[n]?',
    'Luxembourg',
    'Malaysia[n]?',
    'Mexic(?:o|an)',
    'Mongolia[n]?',
    'Morocc(?:o|an)',
    'Myanmar',
    'Nepal(?:ese)?',
    'Netherlands',
    'Dutch',
    'New Zealand',
    'Nicaragua[n]?',
    'Nigeria[n]?',
    'Norw(?:ay|egian)',
    'Oman[i]?',
    'Pakistan[i]?',
    'Panama(?:nian)?',
    'Paraguay(?:an)?',
    'Peru(?:vian)?',
    'Philippines?',
    'Filipino',
    'Poland',
    'Polish',
    'Portug(?:al|uese)',
    'Qatar[i]?',
    'Romania[n]?',
    'Russia[n]?',
    'Saudi',
    'Serbia[n]?',
    'Singapore(?:an)?',
    'Slovak(?:ia)?',
    'Slovenia[n]?',
    'South Africa[n]?',
    'Spain',
    'Spanish',
    'Sri Lanka[n]?',
    'Swed(?:en|ish)',
    'Swiss',
    'Switzerland',
    'Syria[n]?',
    'Taiwan(?:ese)?',
    'Thai(?:land)?',
    'Tunisia[n]?',
    'Turk(?:ey|ish)',
    'Türkiye',
    'Ukrain(?:e|ian)',
    'UAE',
    'Emirati',
    'UK',
    'Uruguay(?:an)?',
    'Uzbek(?:istan)?',
    'Venezuela[n]?',
    'Viet ?[Nn]am(?:ese)?',
    'Yemen[i]?',
    'Zambia[n]?',
    'Zimbabwe(?:an)?',
    'ASEAN',
    'Mercosur',
  ].join('|')})\\b|日本|欧盟|欧洲|印度|韩国|越南|墨西哥|加拿大|英国|德国|法国|巴西|俄罗斯|澳大利亚|台湾|东盟`,
  'g',
);

/**
 * Whether the words right before `at` (none before `floor`) make what follows a tariff's target: "on",
 * "against" or "targeting" and at most two words ("on Chinese", "on imports of"), or "imports from". Read
 * backwards run by run of letters and hyphens (every figure asks it, and a pattern would try each place
 * before it), with the word rules of `\b`: a word may end a run after a hyphen or a letter outside ASCII
 * ("consumer-goods from", "关税on").
 */
export function isTargetBefore(text: string, floor: number, at: number): boolean {
  let end = at;
  let previous = '';
  for (let runs = 0; runs < 3; runs++) {
    const runEnd = endWithoutTrailingSpace(text, floor, end);
    if (runEnd === end) return false;
    const start = runStart(text, floor, runEnd);
    if (start === runEnd) return false;
    const run = text.slice(start, runEnd).toLowerCase();
    const endsWithWord = (word: string): boolean =>
      run.endsWith(word) &&
      !isAsciiWordCharacter(text.charCodeAt(runEnd - word.length - 1), runEnd - word.length > floor);
    if (TARGET_PREPOSITIONS.some(endsWithWord)) return true;
    if (runs === 1 && previous === 'from' && TRADED_GOODS.some(endsWithWord)) return true;
    previous = run;
    end = start;
  }
  return false;
}

/** Where the run of letters and hyphens ending at `end` starts, not before `floor`. */
function runStart(text: string, floor: number, end: number): number {
  let start = end;
  while (start > floor) {
    const code = text.charCodeAt(start - 1);
    // Character codes first: this runs on every character before a country.
    if (code < 0x80) {
      if (code !== 0x2d && ((code | 0x20) < 0x61 || (code | 0x20) > 0x7a)) break;
      start--;
      continue;
    }
    // A letter outside the basic plane is two UTF-16 units.
    const width = code >= 0xdc00 && code <= 0xdfff && start - 2 >= floor ? 2 : 1;
    if (!/\p{L}/u.test(text.slice(start - width, start))) break;
    start -= width;
  }
  return start;
}

/** Whether the character code is one of `\b`'s word characters; `false` at the window's start (`inside` false). */
function isAsciiWordCharacter(code: number, inside: boolean): boolean {
  return (
    inside && (code === 0x5f || (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a))
  );
}

/** Whether the sentence names a country or bloc that is not one of its mentions (see {@link OTHER_COUNTRY}). */
function namesAnotherCountry(sentence: Sentence, mentions: readonly Mention[]): boolean {
  OTHER_COUNTRY.lastIndex = 0;
  for (let match = OTHER_COUNTRY.exec(sentence.text); match; match = OTHER_COUNTRY.exec(sentence.text)) {
    const at = sentence.start + match.index;
    if (!mentions.some((mention) => mention.start <= at && at < mention.end)) return true;
  }
  return false;
}

/** The countries named in the sentence, in order, each once. */
function countriesNamed(mentions: readonly Mention[], knowledge: Knowledge): string[] {
  const codes: string[] = [];
  for (const mention of mentions) {
    const code = countryOf(mention, knowledge);
    if (code && !codes.includes(code)) codes.push(code);
  }
  return codes;
}

/** The goods a text names, folded: "farm", "soybeans", "steel". */
function goodsIn(text: string): string[] {
  // An exec loop: matchAll would copy this long pattern on every call, which costs more than the matching.
  const goods: string[] = [];
  GOODS_ALL.lastIndex = 0;
  for (let match = GOODS_ALL.exec(text); match; match = GOODS_ALL.exec(text)) goods.push(foldText(match[0]));
  return goods;
}

function wordsOf(text: string): string[] {
  return foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

/**
 * Keywords that name an event in prose: the city of its place ("Lancaster House, London" → "London") and
 * the capitalised words of its title that are not generic ("Geneva trade talks" → "Geneva").
 */
function eventKeywords(knowledge: Knowledge): Map<string, TimelineEvent[]> {
  const keywords = new Map<string, TimelineEvent[]>();
  const add = (keyword: string, event: TimelineEvent): void => {
    if (keyword.length < 3) return;
    const list = keywords.get(keyword) ?? [];
    if (!list.includes(event)) list.push(event);
    keywords.set(keyword, list);
  };
  // Countries and people are not places of events: "after Trump" names no meeting.
  const notPlaces = new Set(
    [
      ...[...knowledge.countries.values()].flatMap((c) => [c.name, ...c.aliases]),
      ...[...knowledge.officials.values()].flatMap((o) => [o.name, ...o.aliases]).flatMap((name) => name.split(/\s+/)),
    ].map((name) => foldText(name)),
  );
  for (const event of knowledge.events.values()) {
    if (event.kind !== undefined && event.kind !== 'talks' && event.kind !== 'call' && event.kind !== 'statement')
      continue;
    for (const part of event.place?.split(',') ?? []) {
      if (!notPlaces.has(foldText(part.trim()))) add(part.trim(), event);
    }
    for (const word of event.title.split(/\s+/)) {
      if (/^\p{Lu}\p{Ll}{2,}$/u.test(word) && !notPlaces.has(foldText(word)) && !GENERIC_TITLE_WORDS.has(word)) {
        add(word, event);
      }
    }
  }
  return keywords;
}

function followUps(knowledge: Knowledge): Map<TimelineEvent, string> {
  const days = new Map<TimelineEvent, string>();
  for (const event of knowledge.events.values()) {
    const last = parseIsoDate(event.end ?? event.date);
    if (last) days.set(event, isoOf(addDays(last, EVENT_FOLLOW_UP_DAYS)));
  }
  return days;
}

const GENERIC_TITLE_WORDS = new Set([
  'Trade',
  'Talks',
  'Round',
  'Meeting',
  'Call',
  'Phone',
  'Joint',
  'Statement',
  'Economic',
  'High-level',
  'The',
  'First',
  'Second',
  'Third',
  'Summit',
  'Consultation',
  'Consultations',
  'Mechanism',
  'Framework',
  'Agreement',
  'Deal',
  'Truce',
  'Pause',
  'Tariff',
  'Tariffs',
  'President',
  'Presidents',
  'Leaders',
]);

/** Percentages in the sentence that are whole numbers of their own (not `1,145%` or `v1.5%`). */
function figuresIn(text: string, sentence: Sentence): Figure[] {
  // A loop over character codes: every sentence with a tariff word is read this way.
  const figures: Figure[] = [];
  const digitsFrom = (at: number): number => {
    while (at < sentence.end && isDigit(text.charCodeAt(at))) at++;
    return at;
  };
  let at = sentence.start;
  while (at < sentence.end) {
    if (!isDigit(text.charCodeAt(at))) {
      at++;
      continue;
    }
    const start = at;
    let numberEnd = digitsFrom(start);
    if (
      text.charCodeAt(numberEnd) === 0x2e &&
      numberEnd + 1 < sentence.end &&
      isDigit(text.charCodeAt(numberEnd + 1))
    ) {
      numberEnd = digitsFrom(numberEnd + 1);
    }
    at = numberEnd;
    const before = text[start - 1] ?? ' ';
    if (/[\p{L}\p{N}.,_/-]/u.test(before) && !/[\p{Script=Han}]/u.test(before)) continue;
    const end = matchPercentSign(text, numberEnd);
    if (end < 0 || end > sentence.end + 10) continue;
    figures.push({ start, end, numberEnd, rate: Number(text.slice(start, numberEnd)) });
  }
  return figures;
}

function isDigit(code: number): boolean {
  return (charInfo(code) & DIGIT) !== 0;
}

/** A stretch of a sentence between commas, semicolons, brackets, dashes or table bars, and its figures. */
interface Clause {
  readonly start: number;
  readonly end: number;
  readonly figures: readonly Figure[];
}

function clausesOf(sentence: Sentence, figures: readonly Figure[]): Clause[] {
  const clauses: Clause[] = [];
  let start = sentence.start;
  const close = (end: number): void => {
    clauses.push({ start, end, figures: figures.filter((f) => f.start >= start && f.start < end) });
  };
  for (const match of sentence.text.matchAll(/[,;，；、()（）|]|\s[–—-]\s/gu)) {
    const at = sentence.start + match.index;
    close(at);
    start = at + match[0].length;
  }
  close(sentence.end);
  return clauses;
}

/** Whether the line holding `at` is a block quote (`> …`): quoted words, not the note's claim. */
function isInBlockQuote(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  return /^[ \t]*>/.test(text.slice(lineStart, lineStart + 8));
}

/** The last index before or at `from`, not below `floor`, of a stretch break; `floor - 1` if none. */
function lastStretchBreak(text: string, from: number, floor: number): number {
  for (let i = from; i >= floor; i--) {
    const code = text.charCodeAt(i);
    if (code === 0x2c || code === 0x3b || code === 0xff0c || code === 0xff1b) return i; // , ; ， ；
  }
  return floor - 1;
}

/**
 * The ATX heading lines, without their line breaks: every `#` is found by native search, and few lines
 * hold one. Unlike the outline's heading finder, fences are not tracked: this runs on every check.
 */
function headingLinesIn(text: string): Span[] {
  const lines: Span[] = [];
  for (let at = text.indexOf('#'); at >= 0; at = text.indexOf('#', at + 1)) {
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    if (at - lineStart > 3 || !/^ *#{1,6}[ \t]/.test(text.slice(lineStart, at + 8))) continue;
    const lineEnd = text.indexOf('\n', at);
    lines.push({ start: lineStart, end: lineEnd < 0 ? text.length : lineEnd });
    if (lineEnd < 0) break;
    at = lineEnd;
  }
  return lines;
}

/** The figure-free clauses right before `own`, back to the previous clause with a figure: what they say is its. */
function leadingClauses(clauses: readonly Clause[], own: Clause): readonly Clause[] {
  const index = clauses.indexOf(own);
  let first = index;
  while (first > 0 && clauses[first - 1]!.figures.length === 0) first--;
  return clauses.slice(first, index);
}

function clauseAt(clauses: readonly Clause[], at: number): Clause | undefined {
  return clauses.find((c) => at >= c.start && at < c.end);
}

/**
 * Whether words at [start, end) of a clause speak of `figure`: it is the figure of the clause nearest
 * to them, the later one on a tie. In "tariffs were 145% in April and now stand at 30%", April is
 * 145%'s and "now" is 30%'s.
 */
function speaksOf(clause: Clause, figure: Figure, start: number, end: number): boolean {
  let nearest: Figure | undefined;
  let nearestGap = Infinity;
  for (const candidate of clause.figures) {
    const gap = start >= candidate.end ? start - candidate.end : Math.max(0, candidate.start - end);
    if (gap <= nearestGap) [nearest, nearestGap] = [candidate, gap];
  }
  return nearest === figure;
}

/**
 * The dates that speak of a figure: those in its own clause that speak of it (see {@link speaksOf});
 * else those of clauses without a figure right before its clause ("On 10 April 2025, tariffs rose to
 * 145%"), unless its own clause says "now". None for the rate a change started from ("from 145%") or a
 * peak ("having peaked at 145%"): the date is the change's or the sentence's, not theirs.
 */
function whenFor(text: string, figure: Figure, when: When, clauses: readonly Clause[]): When {
  if (when.kind !== 'periods') return when;
  const own = clauseAt(clauses, figure.start);
  if (!own) return { kind: 'undated' };
  const ownText = text.slice(own.start, own.end);
  if (PEAK.test(ownText) || FROM_BEFORE.test(text, Math.max(own.start, figure.start - 12), figure.start)) {
    return { kind: 'undated' };
  }
  const inOwn = when.periods.filter(
    (period) => clauseAt(clauses, period.at) === own && speaksOf(own, figure, period.at, period.end),
  );
  if (inOwn.length > 0) return { kind: 'periods', periods: inOwn };
  if (CURRENT.test(ownText)) return { kind: 'undated' };
  const leading = leadingClauses(clauses, own);
  const free = when.periods.filter((period) => leading.includes(clauseAt(clauses, period.at)!));
  return free.length > 0 ? { kind: 'periods', periods: free } : { kind: 'undated' };
}

/**
 * Whether the sentence says the figure is the rate now: a marker ("now", "still", "stand at") in its own
 * clause that speaks of it, or in figure-free clauses right before it ("Today, tariffs are 30%"). Not
 * when the sentence speaks of another time ("when", "until", a year) or the clause is in the past ("were
 * still 145%", "peaked at 145% and are still high"). "Now stand at 20%, down from a peak of 145%" says
 * nothing of 145% now.
 */
function claimsCurrent(text: string, sentence: Sentence, figure: Figure, clauses: readonly Clause[]): boolean {
  const own = clauseAt(clauses, figure.start);
  if (!own || ANOTHER_TIME.test(sentence.text)) return false;
  // The clause's words about this figure: from the figure before it to the figure after it.
  const k = own.figures.indexOf(figure);
  const about = text.slice(own.figures[k - 1]?.end ?? own.start, own.figures[k + 1]?.start ?? own.end);
  if (PAST.test(about)) return false;
  const leading = leadingClauses(clauses, own);
  CURRENT_ALL.lastIndex = 0;
  for (let match = CURRENT_ALL.exec(sentence.text); match; match = CURRENT_ALL.exec(sentence.text)) {
    const start = sentence.start + match.index;
    const clause = clauseAt(clauses, start);
    if (clause === own && speaksOf(own, figure, start, start + match[0].length)) return true;
    if (clause && leading.includes(clause)) return true;
  }
  return false;
}

/** Ranges of the sentence inside quotation marks: someone else's words, not the note's claim. */
function quotedRanges(sentence: Sentence): [number, number][] {
  const ranges: [number, number][] = [];
  QUOTED.lastIndex = 0;
  for (let match = QUOTED.exec(sentence.text); match; match = QUOTED.exec(sentence.text)) {
    ranges.push([sentence.start + match.index, sentence.start + match.index + match[0].length]);
  }
  return ranges;
}

// ‘…’ may hold apostrophes (’ before a letter): “China’s”.
const QUOTED = /“[^”]*”?|"[^"]*"?|「[^」]*」?|『[^』]*』?|«[^»]*»?|‘(?:[^’]|’(?=\p{L}))*’?/gu;

const FRONT_MATTER = /^---[ \t]*\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
/** At a line's start: a line that starts a block of its own (blank, heading, list item, quote, table row, rule). */
const BLOCK_START = /^(?: {0,3}(?:#{1,6}\s|[-*+]\s|\d+[.)]\s|>|\||([-*_])(?:[ \t]*\1){2,}[ \t]*\r?$)|[ \t]*\r?$)/my;
/** At a line's start: a line that is one sentence, never joined with the next (heading, table row, rule, blank). */
const SINGLE_LINE_BLOCK = /^(?: {0,3}(?:#{1,6}\s|\||([-*_])(?:[ \t]*\1){2,}[ \t]*\r?$)|[ \t]*\r?$)/my;

function lineMatches(pattern: RegExp, text: string, lineStart: number): boolean {
  pattern.lastIndex = lineStart;
  return pattern.test(text);
}

/**
 * The paragraph around `at`: lines up to a blank line or the start of a heading, list item, quote or
 * table row; a heading or a table row is a paragraph of its own. No sentence crosses its bounds.
 */
export function paragraphAround(text: string, at: number): { start: number; end: number } {
  let start = text.lastIndexOf('\n', at - 1) + 1;
  while (start > 0 && !lineMatches(BLOCK_START, text, start)) {
    // lastIndexOf reads a negative position as 0: the line before the second line is the first.
    const previous = start < 2 ? 0 : text.lastIndexOf('\n', start - 2) + 1;
    if (lineMatches(SINGLE_LINE_BLOCK, text, previous)) break;
    start = previous;
  }
  let end = text.indexOf('\n', at);
  if (end < 0) end = text.length;
  if (!lineMatches(SINGLE_LINE_BLOCK, text, start)) {
    while (end < text.length && !lineMatches(BLOCK_START, text, end + 1)) {
      const next = text.indexOf('\n', end + 1);
      end = next < 0 ? text.length : next;
    }
  }
  return { start, end };
}

/** How far a sentence may reach from a tariff word: prose sentences are far shorter, and a bound keeps a huge one-line note linear. */
const SENTENCE_REACH = 1000;

/**
 * The sentence around `at`, within its paragraph (computed when not given): bounded by sentence
 * punctuation (not a dot inside a mention such as `U.S.`, nor a decimal point), and by
 * {@link SENTENCE_REACH} on each side.
 */
export function sentenceAround(
  text: string,
  at: number,
  mentions: readonly Mention[],
  paragraph = paragraphAround(text, at),
): Sentence {
  let start = Math.max(paragraph.start, at - SENTENCE_REACH);
  let end = Math.min(paragraph.end, at + SENTENCE_REACH);
  for (let i = at - 1; i >= start; i--) {
    if (isSentenceEnd(text, i, mentions)) {
      start = i + 1;
      break;
    }
  }
  for (let i = at; i < end; i++) {
    if (isSentenceEnd(text, i, mentions)) {
      end = i + 1;
      break;
    }
  }
  return { start, end, text: text.slice(start, end) };
}

function isSentenceEnd(text: string, i: number, mentions: readonly Mention[]): boolean {
  // Called for every character around every tariff word: code comparisons, not a pattern.
  const code = text.charCodeAt(i);
  if (code === 0x3002 || code === 0xff01 || code === 0xff1f) return true; // 。！？
  if (code !== 0x2e && code !== 0x21 && code !== 0x3f) return false; // . ! ?
  if (code === 0x2e && /\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? '')) return false;
  if (!/[\s"”’')\]]/.test(text[i + 1] ?? ' ') && i + 1 < text.length) return false;
  const inside = mentions[firstStartingAtOrAfter(mentions, i + 1) - 1];
  return !(inside && inside.start <= i && i < inside.end);
}

/** A title written right before a name ("Commerce Secretary Bessent"), the longest known one. */
function titleBefore(
  text: string,
  nameStart: number,
  titleAtEnd: PatternBefore,
): { title: string; start: number; end: number } | undefined {
  const match = titleAtEnd.exec(text, Math.max(0, nameStart - 80), nameStart);
  if (!match) return undefined;
  const start = nameStart - match[2]!.length - match[1]!.length;
  // "former Commerce Secretary …", "Deputy Secretary …": a title the check cannot judge.
  if (TITLE_QUALIFIER_BEFORE.test(text, Math.max(0, start - 12), start)) return undefined;
  return { title: match[1]!.replace(/\s+/g, ' '), start, end: start + match[1]!.length };
}

/** Words a title written before the official's name may use besides their title's: their aliases' and country's names. */
function nameWordsOf(official: Official, knowledge: Knowledge): Set<string> {
  const country = official.country === undefined ? undefined : knowledge.countries.get(official.country);
  const names = [...official.aliases, country?.name ?? '', ...(country?.aliases ?? [])];
  return new Set([...names.flatMap(wordsOf), ...TITLE_FILLER]);
}

const TITLE_FILLER = new Set(['of', 'the', 'for', 'and', 's']);

const TITLE_SPACE = new Set([' ', '\t', '\u00a0']);
const WORD_BEFORE_TITLE = /[\p{L}.'’-]/u;

/** Capitalised words that start sentences rather than titles. */
const SENTENCE_OPENERS = new Set(
  'The A An And But Or So When While As After Before Since Then Also Meanwhile Yesterday Today Tomorrow On In At With For From By Both Later Earlier Once Now There Here Still Yet Even Only Last Next This That These Those'.split(
    ' ',
  ),
);

/** Words of a description rather than an office ("Trade Envoy", "Chief Trade Negotiator"): never judged. */
const INFORMAL_TITLE = /\b(?:envoy|negotiator|czar|tsar|chief|aide|advis[eo]r|official|spokes(?:person|man|woman))\b/i;

/** After a name, a suffix that makes it someone else: "Donald Trump Jr.". */
const NAME_SUFFIX = /^,?[ \t\u00a0]*(?:Jr|Sr)\b|^[ \t\u00a0]+(?:II|III|IV)\b/;

const nameWordsByOfficial = new WeakMap<Official, ReadonlySet<string>>();

/** The folded words of an official's name, once per official: every mention of them asks. */
function wordsOfName(official: Official): ReadonlySet<string> {
  return cached(nameWordsByOfficial, official, () => new Set(wordsOf(official.name)));
}

/** What the knowledge says an official's title was on `date`, from their dated `titles`; undefined if none covers it. */
function titlesOn(official: Official, date: string): KnownTitle | undefined {
  const held = official.titles.filter((title) => (title.from ?? '') <= date && date <= (title.to ?? '9999-12-31'));
  if (held.length === 0) return undefined;
  return {
    words: titleWords(held),
    claim: (name, written) => {
      const titles = held
        .map((title) => describeTitle(title.title, title.organization))
        .reduce((all, title) => t('{0} and {1}', all, title));
      return t("{0} was {1} on {2}, the note's date, not {3}.", name, titles, formatDate(date), written);
    },
    fix: held.length === 1 ? held[0]!.title : undefined,
  };
}

function titleWords(titles: readonly DatedTitle[]): Set<string> {
  return new Set(titles.flatMap((held) => wordsOf(`${held.title} ${held.organization ?? ''}`)));
}

/** A title and the organization it is held in: "Minister (MOFCOM)". */
function describeTitle(title: string, organization: string | undefined): string {
  return organization ? t('{0} ({1})', title, organization) : title;
}

/** The title a fix writes: the longest title part of an alias ("Treasury Secretary" from "Treasury Secretary Bessent"), else the title. */
function preferredTitle(official: Official): string {
  const nameWords = wordsOfName(official);
  let longest: string | undefined;
  for (const alias of official.aliases) {
    const words = alias.split(/\s+/);
    const nameAt = words.findIndex((word) => nameWords.has(foldText(word)));
    const title = words.slice(0, Math.max(0, nameAt)).join(' ');
    if (title.length > (longest?.length ?? 0)) longest = title;
  }
  return longest ?? official.title;
}

/** Where the official's name starts in a mention of them: after a title that the alias itself holds. */
function nameStartIn(text: string, mention: Mention, official: Official): number {
  const nameWords = wordsOfName(official);
  // An exec loop over the mention (every official named asks): matchAll would copy the pattern each time.
  const written = text.slice(mention.start, mention.end);
  LETTERS.lastIndex = 0;
  for (let word = LETTERS.exec(written); word; word = LETTERS.exec(written)) {
    if (nameWords.has(foldText(word[0]))) return mention.start + word.index;
  }
  return mention.start;
}

const LETTERS = /[\p{L}\p{M}]+/gu;

function describeHistory(history: readonly TariffStep[]): string {
  return formatList(history.map((step) => t('{0} from {1}', formatRate(step.rate), formatDate(step.date))));
}

function describeSteps(steps: readonly TariffStep[]): string {
  return formatConjunction(
    steps.map((step) => t('{0} (in force from {1})', formatRate(step.rate), formatDate(step.date))),
  );
}

function withSource(message: string, links: readonly string[]): string {
  const link = links.find((l) => /^https?:\/\//i.test(l));
  return link ? t('{0} Source: {1}', message, link) : message;
}

/** The ISO date `days` later (earlier when negative); an open end stays open. */
function shift(iso: string | undefined, days: number): string {
  const date = iso === undefined ? undefined : parseIsoDate(iso);
  return date ? isoOf(addDays(date, days)) : '9999-12-31';
}

function addDays(date: CalendarDate, days: number): CalendarDate {
  const moved = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

/** The spans silenced by {@link IGNORE_COMMENT}: from the start of its line to the end of the next line. */
function ignoredSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (let at = text.indexOf(IGNORE_COMMENT); at >= 0; at = text.indexOf(IGNORE_COMMENT, at + 1)) {
    const lineEnd = text.indexOf('\n', at);
    const nextEnd = lineEnd < 0 ? -1 : text.indexOf('\n', lineEnd + 1);
    spans.push([text.lastIndexOf('\n', at) + 1, nextEnd < 0 ? text.length : nextEnd]);
  }
  return spans;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
