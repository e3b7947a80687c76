/**
 * The display language of the text the core writes: cards, knowledge problems, check findings, timeline
 * labels and dates. Messages are English source strings looked up in the same bundle as `vscode.l10n.t`
 * (`l10n/bundle.l10n.<language>.json`), with the same keys (`message`, or `message/comment`) and the same
 * `{0}` placeholders, so one bundle serves the extension and the core.
 *
 * English as written is the default, and what the command line always gets. The extension sets the
 * language once at activation ({@link configureL10n}); like `vscode.l10n`, it is one per extension host,
 * which VS Code restarts when the display language changes, so it is a module setting rather than an
 * argument of every card, check and loader function.
 */

export type L10nArg = string | number | boolean;

/** A message with a comment for translators: its key in the bundle is `message/comment`, as in vscode.l10n. */
export interface L10nMessage {
  readonly message: string;
  readonly args?: readonly L10nArg[];
  readonly comment: string;
}

interface DisplayLanguage {
  /** Translations by key, as `vscode.l10n.bundle` gives them. */
  readonly bundle: Readonly<Record<string, string>>;
  /** A BCP 47 tag for `Intl`, e.g. `zh-cn`. */
  readonly locale: string;
}

let display: DisplayLanguage | undefined;

/**
 * Sets the language of the core's text: `bundle` is the extension's loaded bundle (`vscode.l10n.bundle`)
 * and `language` the display language (`vscode.env.language`). Without a bundle, or in English, text is
 * English as written and dates are formatted as in English; so an untranslated language never gets
 * sentences in English with dates in another language. `undefined` goes back to English.
 */
export function configureL10n(settings: { bundle?: Record<string, string>; language?: string } | undefined): void {
  const { bundle, language } = settings ?? {};
  display =
    bundle && language && !/^en\b/i.test(language) && isSupportedLocale(language)
      ? { bundle, locale: language }
      : undefined;
}

function isSupportedLocale(language: string): boolean {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([language]).length > 0;
  } catch {
    return false;
  }
}

/** The locale the core formats dates and numbers for; `undefined` while it writes English as written. */
export function displayLocale(): string | undefined {
  return display?.locale;
}

/**
 * The message in the display language, its `{0}`, `{1}`… replaced by `args`. The first argument must be
 * a string literal (or an object literal with one), so that the key-completeness test finds every key.
 */
export function t(message: string, ...args: L10nArg[]): string;
export function t(options: L10nMessage): string;
export function t(first: string | L10nMessage, ...rest: L10nArg[]): string {
  const { message, args, key } =
    typeof first === 'string'
      ? { message: first, args: rest, key: first }
      : { message: first.message, args: first.args ?? [], key: `${first.message}/${first.comment}` };
  // An empty translation counts as missing, as in vscode.l10n.
  return format(display?.bundle[key] || message, args);
}

/** VS Code's `format2`: `{n}` becomes the nth argument; braces that name no argument stay as they are. */
function format(template: string, args: readonly L10nArg[]): string {
  if (args.length === 0) return template;
  const parts = partsOf(template);
  let text = parts[0] as string;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    const value = typeof name === 'number' ? args[name] : undefined;
    text += (value === undefined ? `{${name}}` : String(value)) + (parts[i + 1] as string);
  }
  return text;
}

/**
 * A template split at its braces: text, then a brace's argument number (or its name when it is not a
 * number), then text, and so on. Kept per template, as the fact check formats thousands of findings with
 * a few dozen templates; the templates are the code's and the bundles' strings, a bounded set.
 */
const templates = new Map<string, readonly (string | number)[]>();

function partsOf(template: string): readonly (string | number)[] {
  let parts = templates.get(template);
  if (!parts) {
    // A number as written ("{05}" stays a name, as it would print when no argument fills it).
    parts = template
      .split(/\{([^}]+)\}/)
      .map((part, i) => (i % 2 === 1 && String(Number(part)) === part ? Number(part) : part));
    templates.set(template, parts);
  }
  return parts;
}

const formatters = new Map<string, object>();

/**
 * The `Intl` formatter under `key` (locale and shape), made by `make` once: making one costs far more than
 * formatting with it, and the fact check formats thousands of findings.
 */
export function intlFormatter<T extends object>(key: string, make: () => T): T {
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) formatters.set(key, (formatter = make()));
  return formatter;
}

/** A count or size for people: `1234` → "1234" in English as written, "1,234" where the locale groups digits. */
export function formatNumber(value: number, fractionDigits = 0): string {
  const locale = displayLocale();
  if (locale === undefined) return String(Number(value.toFixed(fractionDigits)));
  return intlFormatter(
    `number|${locale}|${fractionDigits}`,
    () => new Intl.NumberFormat(locale, { maximumFractionDigits: fractionDigits }),
  ).format(value);
}

/** Items of a list: "A, B, C" in English, "A、B、C" in Chinese. */
export function formatList(items: readonly string[]): string {
  return items.join(t({ message: ', ', comment: 'separates the items of a list, such as names or rates' }));
}

/** Longer items, which may hold commas of their own: "A; B" in English, "A；B" in Chinese. */
export function formatLongList(items: readonly string[]): string {
  return items.join(t({ message: '; ', comment: 'separates long items of a list, which may hold commas' }));
}

/**
 * "A and B", "A, B and C": a list ending in "and", as the display language writes it (English as written
 * puts no comma before "and").
 */
export function formatConjunction(items: readonly string[]): string {
  const locale = displayLocale();
  if (locale !== undefined) {
    return intlFormatter(`and|${locale}`, () => new Intl.ListFormat(locale, { type: 'conjunction' })).format(items);
  }
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
