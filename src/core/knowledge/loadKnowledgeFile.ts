import {
  Document,
  visit,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Node,
  type Pair,
  type YAMLMap,
} from 'yaml';
import {
  EVENT_KINDS,
  type Country,
  type DatedTitle,
  type EventKind,
  type KnowledgeFile,
  type KnowledgeProblem,
  type KnowledgeReference,
  type Official,
  type Range,
  type Tariff,
  type TariffStep,
  type TimelineEvent,
} from './types';
import { refuseHostileText } from './limits';
import { t } from '../l10n/l10n';
import { runSteps, type Steps } from '../scheduling/steps';
import { compareText } from '../text/compare';
import { endWithoutTrailingSpace } from '../text/whiteSpace';
import { COUNTRY_CODE_PATTERN, ID_PATTERN, isIsoDate, parseRate } from './values';

export interface LoadResult {
  /** The file's content, or undefined when it has errors (the caller keeps serving its last good content). */
  readonly file?: KnowledgeFile;
  /** Errors and warnings, each positioned in the file. */
  readonly problems: KnowledgeProblem[];
}

/** Aliases (`*anchor`) allowed in one file: enough for real use, far too few for a "billion laughs" bomb. */
export const MAX_YAML_ALIASES = 100;

export const TOP_LEVEL_KEYS = ['kind', 'version', 'asOf', 'countries', 'officials', 'tariffs', 'timeline'];
const COUNTRY_KEYS = ['name', 'aliases', 'flag'];
const OFFICIAL_KEYS = ['id', 'name', 'aliases', 'country', 'title', 'titles', 'organization', 'note', 'links'];
const DATED_TITLE_KEYS = ['title', 'organization', 'from', 'to'];
const TARIFF_KEYS = ['id', 'by', 'on', 'label', 'links', 'history'];
const STEP_KEYS = ['date', 'rate', 'note', 'event', 'links'];
const EVENT_KEYS = ['id', 'date', 'end', 'title', 'place', 'kind', 'participants', 'summary', 'links'];

/**
 * Parses and validates one knowledge file (format v1), keeping source positions.
 * Pure: the caller supplies the text, whether from disk, an unsaved editor or the bundle.
 */
export function loadKnowledgeFile(uri: string, text: string): LoadResult {
  const refused = refuseHostileText(uri, text);
  return refused ? { problems: [refused] } : new FileLoader(uri, text).load();
}

/** What {@link FileLoader.readItem} reads each list of a knowledge file as. */
export type ListKey = 'officials' | 'tariffs' | 'timeline';

/**
 * Reads one knowledge file, or (for the chunked loader in knowledgeLoader.ts) one piece of one: its
 * positions are then relative to the piece, which starts a line.
 */
export class FileLoader {
  private readonly lineCounter = new LineCounter();
  readonly problems: KnowledgeProblem[] = [];
  readonly references: KnowledgeReference[] = [];
  private doc!: Document.Parsed;

  constructor(
    private readonly uri: string,
    private readonly text: string,
  ) {}

  /** Parses the text as YAML (with positions); the loader's readers then work on its nodes. */
  parse(): Document.Parsed {
    this.doc = parseDocument(this.text, {
      lineCounter: this.lineCounter,
      prettyErrors: false,
      uniqueKeys: true,
    });
    return this.doc;
  }

  load(): LoadResult {
    this.parse();
    if (this.reportYamlProblems()) return { problems: this.problems };
    if (!this.checkAliasCount()) return { problems: this.problems };

    const root = this.doc.contents;
    if (!isMap(root)) {
      this.report(
        root?.range ?? [0, 0],
        t("A knowledge file must be a mapping with 'kind: trade-knowledge' and 'version: 1'."),
        'not-a-map',
      );
      return { problems: this.problems };
    }
    if (!this.checkHeader(root)) return { problems: this.problems };
    this.checkKeys(root, TOP_LEVEL_KEYS, t('the top level'));

    const file: KnowledgeFile = {
      uri: this.uri,
      asOf: this.readAsOf(root),
      countries: this.readCountries(root),
      officials: this.readList(root, 'officials'),
      tariffs: this.readList(root, 'tariffs'),
      timeline: this.readList(root, 'timeline'),
      references: this.references,
    };
    this.problems.push(...duplicateProblems(this.uri, file));
    const hasErrors = this.problems.some((p) => p.severity === 'error');
    return hasErrors ? { problems: this.problems } : { file, problems: this.problems };
  }

  /** Reports the parser's errors, then its warnings; true when there are errors (the text is then not read). */
  reportYamlProblems(): boolean {
    // The parser's own words stay as it wrote them (English).
    for (const error of this.doc.errors)
      this.report(error.pos, t('YAML: {0}', firstLine(error.message)), 'yaml-syntax');
    for (const warning of this.doc.warnings)
      this.report(warning.pos, t('YAML: {0}', firstLine(warning.message)), 'yaml-warning', 'warning');
    return this.doc.errors.length > 0;
  }

  /** Each alias costs a search of the document when resolved, so their number is capped. */
  private checkAliasCount(): boolean {
    let count = 0;
    let tooMany: Node | undefined;
    visit(this.doc, {
      Alias: (_key, node) => {
        count++;
        if (count > MAX_YAML_ALIASES) {
          tooMany = node;
          return visit.BREAK;
        }
        return undefined;
      },
    });
    if (tooMany) {
      this.report(
        tooMany.range ?? [0, 0],
        t('Too many YAML aliases (more than {0}); the file is not loaded.', MAX_YAML_ALIASES),
        'too-many-aliases',
      );
      return false;
    }
    return true;
  }

  checkHeader(root: YAMLMap): boolean {
    const kind = this.pair(root, 'kind');
    const version = this.pair(root, 'version');
    const firstKeyRange = (root.items[0]?.key as Node | undefined)?.range ?? [0, 0];
    let ok = true;
    if (!kind) {
      this.report(
        firstKeyRange,
        t("Missing 'kind: trade-knowledge' (the marker of a knowledge file)."),
        'missing-kind',
      );
      ok = false;
    } else if (this.scalar(kind.value) !== 'trade-knowledge') {
      this.report(
        rangeOf(kind.value, kind),
        t("Unknown kind '{0}': expected 'trade-knowledge'.", String(this.scalar(kind.value))),
        'unknown-kind',
      );
      ok = false;
    }
    if (!version) {
      this.report(firstKeyRange, t("Missing 'version: 1'."), 'missing-version');
      ok = false;
    } else if (this.scalar(version.value) !== 1) {
      this.report(
        rangeOf(version.value, version),
        t("Unsupported version '{0}': this extension reads version 1.", String(this.scalar(version.value))),
        'unknown-version',
      );
      ok = false;
    }
    return ok;
  }

  /** The optional `asOf` date; when the key is there, its value must be a date (an empty one is an error, as for `end`). */
  readAsOf(root: YAMLMap): string | undefined {
    return this.pair(root, 'asOf') ? this.requiredDate(root, 'asOf') : undefined;
  }

  readCountries(root: YAMLMap): Country[] {
    const pair = this.pairWithValue(root, 'countries');
    if (!pair) return [];
    const map = this.resolve(pair.value);
    if (!isMap(map)) {
      this.report(
        rangeOf(pair.value, pair),
        t("'countries' must be a mapping of country codes to { name, aliases, flag }."),
        'type',
      );
      return [];
    }
    const countries: Country[] = [];
    for (const item of map.items) {
      const country = this.readCountry(item);
      if (country) countries.push(country);
    }
    return countries;
  }

  /** One `CODE: { name, aliases, flag }` entry of `countries`. */
  readCountry(item: Pair): Country | undefined {
    const code = this.scalar(item.key);
    const keyRange = rangeOf(item.key, item);
    if (typeof code !== 'string' || !COUNTRY_CODE_PATTERN.test(code)) {
      this.report(
        keyRange,
        t("Invalid country code '{0}': use upper-case letters and digits, e.g. US, CN, EU.", String(code)),
        'country-code',
      );
      return undefined;
    }
    const value = this.resolve(item.value as Node | null);
    if (!isMap(value)) {
      this.report(rangeOf(item.value, item), t("Country '{0}' must be a mapping with at least 'name'.", code), 'type');
      return undefined;
    }
    this.checkKeys(value, COUNTRY_KEYS, t("country '{0}'", code));
    const name = this.requiredString(value, 'name', keyRange);
    if (name === undefined) return undefined;
    return {
      code,
      name,
      aliases: this.stringList(value, 'aliases'),
      flag: this.optionalString(value, 'flag'),
      source: this.location(keyRange[0], rangeOf(value, item)[1]),
    };
  }

  private readOfficial(map: YAMLMap): Official | undefined {
    this.checkKeys(map, OFFICIAL_KEYS, t('an official'));
    const id = this.requiredId(map);
    const name = this.requiredString(map, 'name');
    const title = this.requiredString(map, 'title');
    const country = this.reference(map, 'country', 'country');
    const official = {
      aliases: this.stringList(map, 'aliases'),
      organization: this.optionalString(map, 'organization'),
      titles: this.datedTitles(map),
      note: this.optionalString(map, 'note'),
      links: this.stringList(map, 'links'),
    };
    if (id === undefined || name === undefined || title === undefined) return undefined;
    return { id, name, title, country, ...official, source: this.entryLocation(map) };
  }

  /** An official's optional `titles`: a list of { title, organization, from, to }, sorted by `from`. */
  private datedTitles(map: YAMLMap): DatedTitle[] {
    const pair = this.pair(map, 'titles');
    if (!pair || this.scalar(pair.value) === null) return [];
    const seq = this.resolve(pair.value as Node | null);
    if (!isSeq(seq)) {
      this.report(rangeOf(pair.value, pair), t("'titles' must be a list of { title, from, to } entries."), 'type');
      return [];
    }
    const titles: DatedTitle[] = [];
    for (const item of seq.items) {
      const node = this.resolve(item as Node);
      if (!isMap(node)) {
        this.report(
          (node as Node | null)?.range ?? rangeOf(pair.value, pair),
          t('A titles entry must be a mapping with a title.'),
          'type',
        );
        continue;
      }
      this.checkKeys(node, DATED_TITLE_KEYS, t('a titles entry'));
      const title = this.requiredString(node, 'title');
      const from = this.pair(node, 'from') ? this.requiredDate(node, 'from') : undefined;
      const toPair = this.pair(node, 'to');
      const to = toPair ? this.requiredDate(node, 'to') : undefined;
      if (from !== undefined && to !== undefined && to < from) {
        this.report(rangeOf(toPair!.value, toPair!), t("'to' ({0}) is before 'from' ({1}).", to, from), 'date-order');
      }
      const organization = this.optionalString(node, 'organization');
      if (title !== undefined) titles.push({ title, organization, from, to, source: this.entryLocation(node) });
    }
    return titles.sort((a, b) => compareText(a.from ?? '', b.from ?? ''));
  }

  private readTariff(map: YAMLMap): Tariff | undefined {
    this.checkKeys(map, TARIFF_KEYS, t('a tariff'));
    const id = this.requiredId(map);
    const by = this.reference(map, 'by', 'country', true);
    const on = this.reference(map, 'on', 'country', true);
    const label = this.requiredString(map, 'label');
    const links = this.stringList(map, 'links');
    const historyPair = this.pair(map, 'history');
    const history: TariffStep[] = [];
    if (!historyPair) {
      this.report(
        this.entryKeyRange(map),
        t("A tariff needs a 'history' with at least one { date, rate } entry."),
        'missing-field',
      );
    } else {
      const seq = this.resolve(historyPair.value as Node | null);
      if (!isSeq(seq) || seq.items.length === 0) {
        this.report(
          rangeOf(historyPair.value, historyPair),
          t("'history' must be a list with at least one { date, rate } entry."),
          'type',
        );
      } else {
        for (const item of seq.items) {
          const step = this.readStep(this.resolve(item as Node));
          if (step) history.push(step);
        }
      }
    }
    if (id === undefined || by === undefined || on === undefined || label === undefined || history.length === 0)
      return undefined;
    history.sort((a, b) => compareText(a.date, b.date));
    return { id, by, on, label, links, history, source: this.entryLocation(map) };
  }

  private readStep(node: Node | null): TariffStep | undefined {
    if (!isMap(node)) {
      this.report(node?.range ?? [0, 0], t('A history entry must be a mapping with date and rate.'), 'type');
      return undefined;
    }
    this.checkKeys(node, STEP_KEYS, t('a history entry'));
    const date = this.requiredDate(node, 'date');
    const ratePair = this.pair(node, 'rate');
    let rate: number | undefined;
    if (!ratePair) {
      this.report(this.entryKeyRange(node), t("Missing required field 'rate' (e.g. 145%)."), 'missing-field');
    } else {
      rate = parseRate(this.scalar(ratePair.value));
      if (rate === undefined) {
        this.report(
          rangeOf(ratePair.value, ratePair),
          t("Invalid rate '{0}': write a percentage such as 145% or 7.5%.", String(this.scalar(ratePair.value))),
          'rate',
        );
      }
    }
    const note = this.optionalString(node, 'note');
    const event = this.reference(node, 'event', 'event');
    const links = this.stringList(node, 'links');
    if (date === undefined || rate === undefined) return undefined;
    return { date, rate, note, event, links, source: this.entryLocation(node) };
  }

  private readEvent(map: YAMLMap): TimelineEvent | undefined {
    this.checkKeys(map, EVENT_KEYS, t('a timeline event'));
    const id = this.requiredId(map);
    const date = this.requiredDate(map, 'date');
    const title = this.requiredString(map, 'title');
    const endPair = this.pair(map, 'end');
    const end = endPair ? this.requiredDate(map, 'end') : undefined;
    if (date !== undefined && end !== undefined && end < date) {
      this.report(rangeOf(endPair!.value, endPair!), t("'end' ({0}) is before 'date' ({1}).", end, date), 'date-order');
    }
    const kindText = this.optionalString(map, 'kind');
    if (kindText !== undefined && !(EVENT_KINDS as readonly string[]).includes(kindText)) {
      const pair = this.pair(map, 'kind')!;
      this.report(
        rangeOf(pair.value, pair),
        t("Unknown kind '{0}': use one of {1}.", kindText, EVENT_KINDS.join(', ')),
        'unknown-event-kind',
      );
    }
    const participants = this.referenceList(map, 'participants', 'official');
    if (kindText === 'deadline' && participants.length > 0) {
      const pair = this.pair(map, 'participants')!;
      this.report(
        rangeOf(pair.value, pair),
        t(
          'A deadline has no participants: nobody takes part in an expiry. List them on the event that set or moved it.',
        ),
        'deadline-participants',
        'warning',
      );
    }
    const place = this.optionalString(map, 'place');
    const summary = this.optionalString(map, 'summary');
    const links = this.stringList(map, 'links');
    if (id === undefined || date === undefined || title === undefined) return undefined;
    return {
      id,
      date,
      end,
      title,
      place,
      kind: kindText as EventKind | undefined,
      participants,
      summary,
      links,
      source: this.entryLocation(map),
    };
  }

  readList<K extends ListKey>(root: YAMLMap, key: K): KnowledgeFile[K][number][] {
    const pair = this.pairWithValue(root, key);
    if (!pair) return [];
    const seq = this.resolve(pair.value as Node);
    if (!isSeq(seq)) {
      this.report(rangeOf(pair.value, pair), t("'{0}' must be a list.", key), 'type');
      return [];
    }
    const entries: KnowledgeFile[K][number][] = [];
    for (const item of seq.items) {
      const entry = this.readItem(key, item, rangeOf(pair.value, pair));
      if (entry) entries.push(entry);
    }
    return entries;
  }

  /**
   * One entry of a list; undefined (with problems reported) when it is not valid. An entry that is not a
   * mapping is reported at itself, or at `listRange` when it has no position of its own.
   */
  readItem<K extends ListKey>(
    key: K,
    item: unknown,
    listRange: readonly number[],
  ): KnowledgeFile[K][number] | undefined {
    const node = this.resolve(item as Node);
    if (!isMap(node)) {
      this.report(node?.range ?? listRange, t("Each entry of '{0}' must be a mapping.", key), 'type');
      return undefined;
    }
    return this.readEntry(key, node);
  }

  private readEntry<K extends ListKey>(key: K, map: YAMLMap): KnowledgeFile[K][number] | undefined {
    switch (key) {
      case 'officials':
        return this.readOfficial(map);
      case 'tariffs':
        return this.readTariff(map);
      default:
        return this.readEvent(map);
    }
  }

  // --- field readers -------------------------------------------------------------------------

  private requiredId(map: YAMLMap): string | undefined {
    const id = this.requiredString(map, 'id');
    if (id !== undefined && !ID_PATTERN.test(id)) {
      const pair = this.pair(map, 'id')!;
      // Name the odd character: a look-alike (a Unicode hyphen, a Cyrillic letter) is invisible otherwise.
      const odd = [...id].find((ch) => !/[a-z0-9-]/.test(ch));
      const codePoint =
        odd && /[^\x20-\x7e]/.test(odd)
          ? `U+${odd.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`
          : undefined;
      this.report(
        rangeOf(pair.value, pair),
        codePoint === undefined
          ? t("Invalid id '{0}': use lower-case letters, digits and hyphens, e.g. scott-bessent.", id)
          : t(
              "Invalid id '{0}' (it contains {1}, not a plain ASCII character): use lower-case letters, digits and hyphens, e.g. scott-bessent.",
              id,
              codePoint,
            ),
        'id',
      );
      return undefined;
    }
    return id;
  }

  private requiredString(map: YAMLMap, key: string, missingRange?: [number, number]): string | undefined {
    const pair = this.pair(map, key);
    if (!pair) {
      this.report(missingRange ?? this.entryKeyRange(map), t("Missing required field '{0}'.", key), 'missing-field');
      return undefined;
    }
    return this.stringValue(pair, key);
  }

  private optionalString(map: YAMLMap, key: string): string | undefined {
    const pair = this.pairWithValue(map, key);
    return pair ? this.stringValue(pair, key) : undefined;
  }

  private stringValue(pair: Pair, key: string): string | undefined {
    const value = this.scalar(pair.value);
    if (typeof value === 'string' && value.trim() !== '') return value;
    if (typeof value === 'number' && key !== 'id') return String(value);
    this.report(rangeOf(pair.value, pair), t("'{0}' must be a non-empty text.", key), 'type');
    return undefined;
  }

  private requiredDate(map: YAMLMap, key: string): string | undefined {
    const text = this.requiredString(map, key);
    if (text !== undefined && !isIsoDate(text)) {
      const pair = this.pair(map, key)!;
      this.report(
        rangeOf(pair.value, pair),
        t("Invalid date '{0}': write an ISO date such as 2025-06-09.", text),
        'date',
      );
      return undefined;
    }
    return text;
  }

  private stringList(map: YAMLMap, key: string): string[] {
    return this.listItems(map, key).map(({ value }) => value);
  }

  private listItems(map: YAMLMap, key: string): { value: string; range: [number, number] }[] {
    const pair = this.pairWithValue(map, key);
    if (!pair) return [];
    const seq = this.resolve(pair.value as Node);
    if (!isSeq(seq)) {
      this.report(rangeOf(pair.value, pair), t("'{0}' must be a list, e.g. [a, b].", key), 'type');
      return [];
    }
    const items: { value: string; range: [number, number] }[] = [];
    for (const item of seq.items) {
      const node = this.resolve(item as Node);
      const value = this.scalar(node);
      const range = rangeOf(node, pair);
      if (typeof value === 'string' && value.trim() !== '') items.push({ value, range });
      else this.report(range, t("Each item of '{0}' must be a non-empty text.", key), 'type');
    }
    return items;
  }

  private reference(
    map: YAMLMap,
    key: string,
    target: KnowledgeReference['target'],
    required = false,
  ): string | undefined {
    const value = required ? this.requiredString(map, key) : this.optionalString(map, key);
    if (value !== undefined) {
      const pair = this.pair(map, key)!;
      this.references.push({ target, id: value, range: this.range(rangeOf(pair.value, pair)) });
    }
    return value;
  }

  private referenceList(map: YAMLMap, key: string, target: KnowledgeReference['target']): string[] {
    return this.listItems(map, key).map(({ value, range }) => {
      this.references.push({ target, id: value, range: this.range(range) });
      return value;
    });
  }

  // --- YAML helpers ---------------------------------------------------------------------------

  private pair(map: YAMLMap, key: string): Pair | undefined {
    for (const item of map.items) {
      if (isPair(item) && this.scalar(item.key) === key) return item;
    }
    return undefined;
  }

  /**
   * The pair of `key` when it has a value: `key:` with nothing after it is YAML's null, read as an
   * empty list or mapping, or as an optional text left out.
   */
  private pairWithValue(map: YAMLMap, key: string): Pair | undefined {
    const pair = this.pair(map, key);
    return pair && pair.value !== null && this.scalar(pair.value) !== null ? pair : undefined;
  }

  /** Warns of keys not in `allowed`; `where` names the entry in the display language ("an official"). */
  checkKeys(map: YAMLMap, allowed: readonly string[], where: string): void {
    for (const item of map.items) {
      const key = this.scalar(item.key);
      if (typeof key !== 'string' || !allowed.includes(key)) {
        this.report(
          rangeOf(item.key, item),
          t("Unknown field '{0}' in {1} (expected one of: {2}).", String(key), where, allowed.join(', ')),
          'unknown-field',
          'warning',
        );
      }
    }
  }

  private resolve(node: unknown): Node | null {
    if (isAlias(node)) return (node.resolve(this.doc) as Node | undefined) ?? null;
    return (node as Node | null) ?? null;
  }

  private scalar(node: unknown): unknown {
    const resolved = this.resolve(node);
    return isScalar(resolved) ? resolved.value : undefined;
  }

  /** Where to report a missing field: the first key of the entry. */
  private entryKeyRange(map: YAMLMap): [number, number] {
    const first = map.items[0];
    return first ? rangeOf(first.key, first) : ([map.range?.[0] ?? 0, (map.range?.[0] ?? 0) + 1] as [number, number]);
  }

  private entryLocation(map: YAMLMap) {
    const [start, , end] = map.range ?? [0, 0, 0];
    return this.location(start, end);
  }

  private location(start: number, end: number) {
    // The parser's ranges of entries include the line break and indentation after them.
    return { uri: this.uri, range: this.range([start, endWithoutTrailingSpace(this.text, start, end)]) };
  }

  private range([start = 0, end = start]: readonly number[]): Range {
    return { start: this.position(start), end: this.position(Math.max(start, end)) };
  }

  private position(offset: number) {
    const { line, col } = this.lineCounter.linePos(Math.min(offset, this.text.length));
    return { line: line - 1, character: col - 1 };
  }

  private report(
    pos: readonly number[],
    message: string,
    code: string,
    severity: KnowledgeProblem['severity'] = 'error',
  ): void {
    this.problems.push({ uri: this.uri, range: this.range(pos), severity, code, message });
  }
}

/** Duplicate ids within one file: an error on each entry after the first with its id. */
export function duplicateProblems(uri: string, file: KnowledgeFile): KnowledgeProblem[] {
  return runSteps(duplicateProblemsInSteps(uri, file));
}

/** Entries checked between two looks at the clock. */
const ENTRIES_PER_STEP = 4096;

/** {@link duplicateProblems}, pausing every {@link ENTRIES_PER_STEP} entries so that a caller can let the host run. */
export function* duplicateProblemsInSteps(uri: string, file: KnowledgeFile): Steps<KnowledgeProblem[]> {
  const problems: KnowledgeProblem[] = [];
  const lists = [
    [file.officials, 'officials'],
    [file.tariffs, 'tariffs'],
    [file.timeline, 'timeline'],
  ] as const;
  let checked = 0;
  for (const [entries, list] of lists) {
    const seen = new Map<string, Range>();
    for (const entry of entries) {
      if (++checked % ENTRIES_PER_STEP === 0) yield;
      const first = seen.get(entry.id);
      if (first) {
        problems.push({
          uri,
          range: entry.source.range,
          severity: 'error',
          code: 'duplicate-id',
          message: duplicateMessage(list, entry.id, first.start.line + 1),
        });
      } else {
        seen.set(entry.id, entry.source.range);
      }
    }
  }
  return problems;
}

function duplicateMessage(list: ListKey, id: string, firstLine: number): string {
  switch (list) {
    case 'officials':
      return t("Duplicate official id '{0}' (first defined on line {1}).", id, firstLine);
    case 'tariffs':
      return t("Duplicate tariff id '{0}' (first defined on line {1}).", id, firstLine);
    case 'timeline':
      return t("Duplicate timeline id '{0}' (first defined on line {1}).", id, firstLine);
  }
}

/** A node's [start, end) in the text; falls back to its pair's key when the value is missing. */
function rangeOf(node: unknown, pair: Pair): [number, number] {
  const range = (node as Node | null | undefined)?.range ?? (pair.key as Node | null | undefined)?.range;
  return range ? [range[0], range[1]] : [0, 0];
}

function firstLine(message: string): string {
  return message.split('\n')[0]!;
}
