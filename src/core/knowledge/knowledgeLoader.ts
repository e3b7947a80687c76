import { isMap, isSeq, visit, type Document, type YAMLMap } from 'yaml';
import { TimeSlices } from '../scheduling/timeSlices';
import { refuseHostileTextInSteps } from './limits';
import {
  duplicateProblemsInSteps,
  FileLoader,
  loadKnowledgeFile,
  TOP_LEVEL_KEYS,
  type ListKey,
  type LoadResult,
} from './loadKnowledgeFile';
import { runStepsInSlices, type Steps } from '../scheduling/steps';
import type {
  Country,
  KnowledgeFile,
  KnowledgeProblem,
  KnowledgeReference,
  Official,
  Position,
  Range,
  SourceLocation,
  Tariff,
  TimelineEvent,
} from './types';

/**
 * Loads knowledge files the way {@link loadKnowledgeFile} does, but piece by piece: each entry of the
 * lists is parsed on its own, remembered by its text (so editing one entry of a large file re-parses
 * that entry only, and loading an unchanged file again re-parses nothing), and the work pauses between
 * pieces so the extension host is never blocked for long, also while an entry is broken.
 *
 * A file without YAML errors gets exactly the whole-file result: the same content and the same
 * problems in the same order. A file with YAML errors gets no content either way, but its problems
 * differ. The whole-file loader reports only the errors of one parse of the whole text, in which a
 * broken entry can run on into the entries after it (an unclosed quote is then reported at the end of
 * the file, an unclosed bracket on every line after it). Here a broken entry is read on its own, under
 * its section's key as in the file, so its YAML errors (mostly the ones a whole parse reports first)
 * stay inside it; and the other entries are still read and checked, so their problems, duplicate ids
 * included, follow the YAML ones.
 * Files it cannot cut safely (a YAML error or warning in the header, anchors, directives, unusual
 * layout) are loaded whole, as before.
 */
export class KnowledgeLoader {
  /** Per file URI: its last text and result, and the pieces that text was made of. */
  private readonly files = new Map<string, { text: string; result: LoadResult; pieces: Pieces }>();

  /**
   * @param pause lets the host run; awaited whenever one stretch of work has taken `sliceMs`.
   * @param sliceMs how long to work between two pauses.
   */
  constructor(
    private readonly pause: () => Promise<void>,
    private readonly sliceMs = 25,
  ) {}

  async load(uri: string, text: string): Promise<LoadResult> {
    const last = this.files.get(uri);
    if (last && last.text === text) return last.result;
    const pieces: Pieces = new Map();
    const slices = new TimeSlices(this.pause, this.sliceMs);
    // Text the whole-file loader refuses before parsing (binary, absurd nesting) is refused the same way.
    const refused = await runStepsInSlices(refuseHostileTextInSteps(uri, text), slices);
    const inPieces = refused
      ? undefined
      : await this.loadInPieces(uri, text, slices, last?.pieces ?? new Map(), pieces);
    const result = refused ? { problems: [refused] } : (inPieces ?? loadKnowledgeFile(uri, text));
    this.files.set(uri, { text, result, pieces });
    return result;
  }

  /** Forgets a file (deleted, or no longer a knowledge file). */
  forget(uri: string): void {
    this.files.delete(uri);
  }

  /** The file loaded piece by piece, or undefined when it has to be loaded whole. */
  private async loadInPieces(
    uri: string,
    text: string,
    slices: TimeSlices,
    known: Pieces,
    used: Pieces,
  ): Promise<LoadResult | undefined> {
    const layout = await runStepsInSlices(splitInSteps(text), slices);
    if (!layout) return undefined;
    const withYamlProblems: PieceResult[] = [];
    /** The piece's results, placed at its line in the file. */
    const piece = async (
      kind: string,
      part: Part,
      read: (loader: FileLoader, doc: Document.Parsed) => Reading | undefined,
    ): Promise<PieceResult | undefined> => {
      await slices.breathe();
      // Keyed by the piece's text itself (a slice shares the file's characters), one map per kind.
      const pieceText = text.slice(part.start, part.end);
      let usedOfKind = used.get(kind);
      if (!usedOfKind) used.set(kind, (usedOfKind = new Map()));
      let result = known.get(kind)?.get(pieceText) ?? usedOfKind.get(pieceText);
      if (!result) {
        const loader = new FileLoader(uri, pieceText);
        const doc = loader.parse();
        if (hasAnchorsOrAliases(pieceText, doc)) return undefined;
        if (doc.errors.length > 0) {
          // As the whole-file loader does: a text with YAML errors is not read further.
          const yaml =
            kind === 'section' ? yamlProblems(loader, 0, pieceText) : entryYamlProblems(uri, kind, pieceText);
          if (!yaml) return undefined;
          result = { line: 0, yaml, problems: [], references: [], entries: [] };
        } else {
          // A stray line is trusted only to explain an error; where YAML accepts it, the file is parsed whole.
          if (part.stray) return undefined;
          loader.reportYamlProblems(); // warnings, which do not stop the whole-file loader either
          const yaml = loader.problems.splice(0);
          const reading = read(loader, doc);
          if (!reading) return undefined;
          result = { line: 0, yaml, ...reading };
        }
      }
      // Only the placed copy is kept: the cache holds each entry once, and the result shares it.
      const placement = placed(result, part.line);
      usedOfKind.set(pieceText, placement);
      if (placement.yaml.length > 0) withYamlProblems.push(placement);
      return placement;
    };

    // The header is checked on the text up to the last of the first key, `kind` and `version`, parsed
    // whole: it holds no list entries (see splitInSteps). A file without a valid header is loaded
    // whole, so that its YAML errors, if any, come first as they do there.
    const header = new FileLoader(uri, text.slice(0, layout.headerEnd));
    const headerDoc = header.parse();
    if (headerDoc.errors.length > 0 || headerDoc.warnings.length > 0 || !isMap(headerDoc.contents)) return undefined;
    if (!header.checkHeader(headerDoc.contents)) return undefined;

    const problems: KnowledgeProblem[] = [];
    const references: KnowledgeReference[] = [];
    const add = (result: PieceResult): readonly Entry[] => {
      problems.push(...result.problems);
      references.push(...result.references);
      return result.entries;
    };
    const sections = new Map<string, PieceResult>();
    // Sections other than block lists, read whole; unknown top-level keys are reported in file order.
    for (const section of layout.sections) {
      if (section.items) continue;
      const result = await piece('section', section, (loader, doc) => {
        const root = doc.contents;
        if (!isMap(root) || root.items.length !== 1) return undefined;
        loader.checkKeys(root, TOP_LEVEL_KEYS, 'the top level');
        const unknownKey = [...loader.problems];
        loader.problems.length = 0;
        if (section.key === 'asOf') {
          const asOf = loader.readAsOf(root);
          return { problems: loader.problems, references: [], entries: [], unknownKey, asOf };
        }
        const entries = readSection(loader, root, section.key);
        return { problems: loader.problems, references: loader.references, entries, unknownKey };
      });
      if (!result) return undefined;
      problems.push(...(result.unknownKey ?? []));
      sections.set(section.key, result);
    }
    // `asOf` is checked right after the top-level keys, as the whole-file loader checks it.
    const asOf = sections.get('asOf');
    if (asOf) add(asOf);

    const lists: Record<'countries' | ListKey, Entry[]> = { countries: [], officials: [], tariffs: [], timeline: [] };
    for (const key of ['countries', 'officials', 'tariffs', 'timeline'] as const) {
      const section = layout.sections.find((s) => s.key === key);
      if (!section) continue;
      const entries = lists[key];
      const results = section.items
        ? section.items.map((item) => ({
            item,
            read: (loader: FileLoader, doc: Document.Parsed) =>
              key === 'countries' ? readCountry(loader, doc) : readItem(loader, doc, key),
          }))
        : [{ item: section, read: undefined }];
      for (const { item, read } of results) {
        const result = read ? await piece(key, item, read) : sections.get(key);
        if (!result) return undefined;
        for (const entry of add(result)) entries.push(entry);
      }
    }
    const file: KnowledgeFile = {
      uri,
      asOf: asOf?.asOf,
      countries: lists.countries as Country[],
      officials: lists.officials as Official[],
      tariffs: lists.tariffs as Tariff[],
      timeline: lists.timeline as TimelineEvent[],
      references,
    };
    problems.push(...(await runStepsInSlices(duplicateProblemsInSteps(uri, file), slices)));
    // YAML problems first, as the whole-file loader reports them: all errors, then all warnings, in file order.
    const yaml = withYamlProblems.sort((a, b) => a.line - b.line).flatMap((result) => result.yaml);
    const all = [
      ...yaml.filter((p) => p.severity === 'error'),
      ...yaml.filter((p) => p.severity !== 'error'),
      ...problems,
    ];
    const hasErrors = all.some((p) => p.severity === 'error');
    return hasErrors ? { problems: all } : { file, problems: all };
  }
}

type Entry = Country | Official | Tariff | TimelineEvent;

/** Results of the pieces of a file, by kind of piece, then by the piece's text. */
type Pieces = Map<string, Map<string, PieceResult>>;

/** What reading one piece of a file yields, with positions as if the piece started at line `line` of the file. */
interface PieceResult extends Reading {
  readonly line: number;
  /** The YAML errors and warnings of the piece (the whole-file loader reports them before all others). */
  readonly yaml: readonly KnowledgeProblem[];
}

/** What the readers of a piece's YAML find in it, positioned in the piece. */
interface Reading {
  readonly problems: readonly KnowledgeProblem[];
  readonly references: readonly KnowledgeReference[];
  readonly entries: readonly Entry[];
  /** For a top-level section: the warning when its key is not a known one. */
  readonly unknownKey?: readonly KnowledgeProblem[];
  /** For the `asOf` section: its date, when valid. */
  readonly asOf?: string;
}

function readSection(loader: FileLoader, root: YAMLMap, key: string): Entry[] {
  if (key === 'countries') return loader.readCountries(root);
  if (key === 'officials' || key === 'tariffs' || key === 'timeline') return loader.readList(root, key);
  return [];
}

/** One list entry, parsed alone: a list with exactly one item, which must not be empty. */
function readItem(loader: FileLoader, doc: Document.Parsed, key: ListKey): Reading | undefined {
  const seq = doc.contents;
  if (!isSeq(seq) || seq.items.length !== 1 || !seq.items[0]) return undefined;
  const node = seq.items[0];
  // An entry without a position of its own is reported at the whole list's, which a piece does not know.
  if (!isMap(node) && !(node as { range?: unknown }).range) return undefined;
  const entry = loader.readItem(key, node, []);
  return { problems: loader.problems, references: loader.references, entries: entry ? [entry] : [] };
}

/** One entry of `countries`, parsed alone: a mapping with exactly that one key. */
function readCountry(loader: FileLoader, doc: Document.Parsed): Reading | undefined {
  const map = doc.contents;
  if (!isMap(map) || map.items.length !== 1) return undefined;
  const country = loader.readCountry(map.items[0]!);
  return { problems: loader.problems, references: loader.references, entries: country ? [country] : [] };
}

/**
 * An entry with YAML errors, read again as in the file: as the first entry under its section's key, so
 * that a line indented too little, or at the left edge, is read as a whole parse reads it. Its YAML
 * problems, or undefined when YAML accepts it there (the file is then parsed whole).
 */
function entryYamlProblems(uri: string, key: string, pieceText: string): KnowledgeProblem[] | undefined {
  const loader = new FileLoader(uri, `${key}:\n${pieceText}`);
  return loader.parse().errors.length > 0 ? yamlProblems(loader, 1, pieceText) : undefined;
}

/**
 * The YAML errors and warnings of a piece's parse (its text starting at line `firstLine` of the parsed
 * text), positioned in the piece. YAML reports what runs on to the end of the text (an unclosed quote)
 * at that end, the start of the next entry's line, and may report a problem on the section key read
 * before an entry: these are brought to the nearest place in the piece (the end of its last line with
 * content, or its start), so that they mark the broken entry.
 */
function yamlProblems(loader: FileLoader, firstLine: number, pieceText: string): KnowledgeProblem[] {
  loader.reportYamlProblems();
  const lines = pieceText.split('\n');
  let last = lines.length - 1;
  while (last > 0 && /^\s*(?:#.*)?$/.test(lines[last]!)) last--;
  const lastEnd: Position = { line: last, character: lines[last]!.replace(/\s+$/, '').length };
  const inPiece = ({ line, character }: Position): Position => {
    if (line < firstLine) return { line: 0, character: 0 };
    const position = { line: line - firstLine, character };
    return position.line > lastEnd.line || (position.line === lastEnd.line && position.character > lastEnd.character)
      ? lastEnd
      : position;
  };
  return loader.problems.splice(0).map((problem) => ({
    ...problem,
    range: { start: inPiece(problem.range.start), end: inPiece(problem.range.end) },
  }));
}

/** Anchors and aliases may reach across pieces: such files are loaded whole. */
function hasAnchorsOrAliases(text: string, doc: Document.Parsed): boolean {
  if (!text.includes('&') && !text.includes('*')) return false;
  let found = false;
  visit(doc, {
    Node: (_key, node) => {
      if ('anchor' in node && node.anchor) found = true;
      return found ? visit.BREAK : undefined;
    },
    Alias: () => {
      found = true;
      return visit.BREAK;
    },
  });
  return found;
}

/** The piece's results at line `line` of the file: the same ones when the piece stays put, else moved copies. */
function placed(result: PieceResult, line: number): PieceResult {
  if (result.line === line) return result;
  const lines = line - result.line;
  const moved = (problem: KnowledgeProblem): KnowledgeProblem => ({
    ...problem,
    range: movedRange(problem.range, lines),
  });
  return {
    line,
    yaml: result.yaml.map(moved),
    problems: result.problems.map(moved),
    references: result.references.map((r) => ({ ...r, range: movedRange(r.range, lines) })),
    entries: result.entries.map((e) => movedEntry(e, lines)),
    ...(result.unknownKey ? { unknownKey: result.unknownKey.map(moved) } : {}),
    ...(result.asOf !== undefined ? { asOf: result.asOf } : {}),
  };
}

function movedRange(range: Range, lines: number): Range {
  return {
    start: { line: range.start.line + lines, character: range.start.character },
    end: { line: range.end.line + lines, character: range.end.character },
  };
}

function movedSource(source: SourceLocation, lines: number): SourceLocation {
  return { uri: source.uri, range: movedRange(source.range, lines) };
}

/** An entry (country, official, tariff with its history, event) with its positions moved down. */
function movedEntry(entry: Entry, lines: number): Entry {
  const moved = { ...entry, source: movedSource(entry.source, lines) };
  if ('history' in entry)
    return {
      ...moved,
      history: entry.history.map((step) => ({ ...step, source: movedSource(step.source, lines) })),
    } as Entry;
  return moved;
}

/** A stretch of the file: [start, end) in characters, starting at the beginning of line `line` (0-based). */
interface Part {
  readonly start: number;
  readonly end: number;
  readonly line: number;
  /**
   * It holds a line the cut cannot place for sure (a tab in the indentation, an entry's line indented
   * no further than the entry, a line at the left edge that is not a key). Such a part is read only
   * when YAML rejects it where it stands in the file, and its errors are then its own; otherwise the
   * file is read whole.
   */
  readonly stray: boolean;
}

interface Section extends Part {
  readonly key: string;
  /** For a list written as a block (`officials:` then `  - ...` lines): its entries, one part each. */
  readonly items?: Part[];
}

interface Layout {
  readonly sections: Section[];
  /** Where the header (everything up to the first key, `kind` and `version`) ends. */
  readonly headerEnd: number;
}

const SECTION_KEY = /^([A-Za-z_][\w-]*):(?=[ \r\n]|$)/;
const ENTRY_KEY = /^[A-Za-z0-9_][\w-]*:(?=[ \r\n]|$)/;
const BLOCK_VALUE = /^:[ ]*(?:#.*)?\r?$/;
const DIRECTIVE_OR_MARKER = /^(?:%|(?:---|\.\.\.)(?:[ \t\r\n]|$))/;
/** The sections whose entries are parsed one by one when written as blocks: lists, and the countries mapping. */
const ENTRY_SECTIONS = new Set(['countries', 'officials', 'tariffs', 'timeline']);
/** Lines cut between two looks at the clock. */
const LINES_PER_STEP = 1024;

/**
 * Cuts a knowledge file into its top-level sections, and the lists and the countries mapping written
 * as blocks into their entries, by lines alone: each top-level key starts a section at the start of a
 * line; each entry starts at its `-` (or, for countries, its `CODE:`) at the section's indentation, and
 * every other line of the section is indented further (or blank, or a comment). YAML parses such a
 * piece on its own exactly as it parses it in the file. A line that breaks these rules inside an entry
 * (or, for a tab in the indentation, inside a section) stays in it and marks it {@link Part.stray}.
 * Anything else (directives, document markers, lone CRs, keys that are not plain words outside an
 * entry, a repeated key, content before the first entry of a list) gives undefined, and the file is
 * read whole. Pauses every {@link LINES_PER_STEP} lines so that a caller can let the host run.
 */
export function* splitInSteps(text: string): Steps<Layout | undefined> {
  if (text.charCodeAt(0) === 0xfeff) return undefined;
  // Lone CRs (not before a LF) break lines where YAML does and these lines do not; found line by line, not in one long search.
  let nextCr = text.indexOf('\r');
  const sections: Section[] = [];
  const keys = new Set<string>();
  let items: Part[] | undefined;
  let itemIndent = -1;
  let sectionStart = -1;
  let sectionLine = 0;
  let sectionKey = '';
  let itemStart = -1;
  let itemLine = 0;
  /** Whether the part being cut (the entry, or else the section) holds a stray line. */
  let stray = false;
  const endItem = (at: number): void => {
    if (items && itemStart >= 0) items.push({ start: itemStart, end: at, line: itemLine, stray });
    itemStart = -1;
    stray = false;
  };
  const endSection = (at: number): void => {
    if (sectionStart < 0) return;
    const sectionStray = stray && itemStart < 0;
    endItem(at);
    const hasItems = items && items.length > 0;
    sections.push({
      key: sectionKey,
      start: sectionStart,
      end: at,
      line: sectionLine,
      stray: sectionStray,
      ...(hasItems ? { items } : {}),
    });
    stray = false;
  };
  let line = 0;
  for (let start = 0; start < text.length; line++) {
    if (line % LINES_PER_STEP === LINES_PER_STEP - 1) yield;
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline + 1;
    if (nextCr >= 0 && nextCr < end) {
      if (nextCr !== newline - 1) return undefined;
      nextCr = text.indexOf('\r', end);
    }
    let indent = 0;
    while (text.charCodeAt(start + indent) === 0x20) indent++;
    const tabbed = text.charCodeAt(start + indent) === 0x09;
    let contentAt = start + indent;
    while (text.charCodeAt(contentAt) === 0x20 || text.charCodeAt(contentAt) === 0x09) contentAt++;
    const first = text.charCodeAt(contentAt);
    const blank = contentAt >= text.length || first === 0x0d || first === 0x0a || first === 0x23; // blank or a comment
    const inEntry = items !== undefined && itemStart >= 0;
    if (!blank && tabbed) {
      // YAML takes no tab as indentation: such a line belongs to no entry of its own.
      if (sectionStart < 0 || (items && !inEntry)) return undefined;
      stray = true;
    } else if (!blank) {
      const isItem = first === 0x2d && (contentAt + 1 >= text.length || /[ \r\n]/.test(text[contentAt + 1]!));
      if (indent === 0 && !(isItem && items && sectionKey !== 'countries' && itemIndent <= 0)) {
        const lineText = text.slice(start, end);
        const key = SECTION_KEY.exec(lineText)?.[1];
        if (key === undefined) {
          // Directives (%) and document markers (---, ...) are read whole; other text there is an entry's stray line (a word being typed, a quote closed too late).
          if (!inEntry || DIRECTIVE_OR_MARKER.test(lineText)) return undefined;
          stray = true;
        } else {
          if (keys.has(key)) return undefined;
          endSection(start);
          keys.add(key);
          sectionStart = start;
          sectionLine = line;
          sectionKey = key;
          const isBlock = ENTRY_SECTIONS.has(key) && BLOCK_VALUE.test(lineText.slice(key.length).replace(/\n$/, ''));
          items = isBlock ? [] : undefined;
          itemIndent = -1;
        }
      } else if (sectionStart < 0) {
        return undefined; // content before the first key
      } else if (items) {
        // An entry starts with `-` in a list, with `CODE:` in countries (which must be indented).
        const startsEntry =
          sectionKey === 'countries' ? indent > 0 && !isItem && ENTRY_KEY.test(text.slice(contentAt, end)) : isItem;
        if (itemIndent < 0 && startsEntry) itemIndent = indent;
        if (startsEntry && indent === itemIndent) {
          endItem(start);
          itemStart = start;
          itemLine = line;
        } else if (itemIndent < 0) {
          return undefined; // content before the first entry
        } else if (indent <= itemIndent) {
          stray = true; // indented too little for the entry it follows
        }
      }
    }
    start = end;
  }
  endSection(text.length);
  if (sections.length === 0) return undefined;
  // The header must hold the first key, `kind` and `version`, and no entries cut apart.
  let headerIndex = 0;
  sections.forEach((section, index) => {
    if (section.key === 'kind' || section.key === 'version') headerIndex = Math.max(headerIndex, index);
  });
  if (sections.slice(0, headerIndex + 1).some((section) => section.items)) return undefined;
  return { sections, headerEnd: sections[headerIndex]!.end };
}
