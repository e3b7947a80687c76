/**
 * Safe Markdown building blocks for hover cards. Every string from a knowledge file is untrusted:
 * plain fields are escaped so they show literally, and "Markdown text" fields are rebuilt from a small
 * allow-list (emphasis, code spans, http(s) links, bullet and numbered lists) with everything else escaped.
 */

// CommonMark lets any ASCII punctuation be backslash-escaped and then shows it literally. Escaping all of it
// (not just today's special characters) also defeats GFM autolinks (`www.`, `https://`, `a@b.c`),
// entities (`&lt;`), raw HTML and theme icons (`$(zap)`), whatever position the text lands in.
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;

/** Plain text → Markdown that shows it literally, on one line (so it is also safe inside a table cell). */
export function escapeMarkdown(text: string): string {
  return collapseWhitespace(text).replace(ASCII_PUNCTUATION, '\\$&');
}

// Inside a line of a Markdown document (an exported table's cell), only these can start syntax in
// CommonMark or GitHub's flavour: escapes, code, emphasis, strikethrough, links and images (`[`), raw HTML
// and autolinks (`<`), entities, table cells, and GitHub's math.
const INLINE_SYNTAX = /[\\`*_~[\]<&|$]/g;

/**
 * Plain text → Markdown that shows it as written inside a line of a document, escaping only what could be
 * syntax there, so that the file stays readable as text ("China's talks, 9–10 June" stays as it is). A URL
 * or an e-mail address in the text keeps its characters, and renderers that autolink (GitHub, VS Code's
 * preview) make it a link, as in any document. Not for hovers: VS Code gives more characters a meaning
 * there (`$(icon)`), and cards link nothing but their sources, so cards use {@link escapeMarkdown}.
 */
export function escapeMarkdownInline(text: string): string {
  return collapseWhitespace(text).replace(INLINE_SYNTAX, '\\$&');
}

function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * A `links` entry → `[host/path](url)`, or `undefined` unless it is an http(s) URL.
 * The label drops the scheme, `www.`, query and fragment, and is shortened, to keep cards compact.
 */
export function formatLink(url: string, escape: (text: string) => string = escapeMarkdown): string | undefined {
  const href = safeHref(url);
  if (href === undefined) return undefined;
  const parsed = new URL(href);
  const label = `${parsed.host.replace(/^www\./, '')}${decodePath(parsed.pathname)}`.replace(/\/$/, '');
  return `[${escape(shorten(label, MAX_LINK_LABEL))}](${href})`;
}

/** Percent-escapes are for machines; the label shows the characters, unless the escapes are malformed. */
function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

const MAX_LINK_LABEL = 48;

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * The normalised URL if it is http(s), ready to be a link destination; otherwise `undefined`
 * (`command:`, `javascript:`, `file:`, `data:` and relative targets are all refused).
 */
function safeHref(url: string): string | undefined {
  if (!/^https?:\/\//i.test(url.trim())) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  // `URL` already percent-encodes spaces, quotes and angle brackets; parentheses would end the
  // destination early, a backslash would escape the next character and `|` would split a table cell.
  return parsed.href.replace(/[()|\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * "Markdown text" → Markdown that keeps emphasis, code spans, http(s) links and list items, and shows
 * everything else literally: raw HTML, headings, rules, quotes, fences, tables and reference definitions
 * cannot form, non-http(s) links are reduced to their text and images to their alt text.
 * Lines are trimmed so indentation cannot turn into a code block; blank lines still separate paragraphs.
 */
export function sanitizeMarkdown(text: string): string {
  const lines: string[] = [];
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.trim();
    if (line === '') {
      if (lines.length > 0 && lines[lines.length - 1] !== '') lines.push('');
      continue;
    }
    const item = LIST_ITEM.exec(line);
    lines.push(item ? `${listMarker(item[1])} ${renderInline(item[2])}` : renderInline(line));
  }
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.join('\n');
}

const LIST_ITEM = /^([-*+]|\d{1,9}[.)])\s+(.+)$/;

function listMarker(marker: string): string {
  // Normalised to `-` and `1.` so the output only ever contains markers written here.
  return /^\d/.test(marker) ? `${marker.slice(0, -1)}.` : '-';
}

/** Wraps safe Markdown in a block quote, every line prefixed, so the whole note stays one block. */
export function quoteBlock(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) => (line === '' ? '>' : `> ${line}`))
    .join('\n');
}

interface InlineRule {
  /** The characters a match can start with: a rule is tried only there (its pattern, some with Unicode classes, is compiled on first use). */
  readonly startsWith: string;
  readonly pattern: RegExp;
  /** Links cannot nest, so link-making rules are skipped inside a link's text. */
  readonly makesLink: boolean;
  readonly render: (match: RegExpExecArray, allowLinks: boolean) => string;
}

const WORD_CHAR = '[\\p{L}\\p{N}_]';
/** A link target, allowing one level of balanced parentheses as in `javascript:alert(1)`, so such links are recognised and reduced. */
const DESTINATION = '(?:[^()\\s<>]|\\([^()\\s<>]*\\))*';

// Each rule is tried at every position (sticky `y`); text no rule claims is escaped one character at a time.
// Rules that fail to match leave their punctuation to be escaped, so a malformed construct shows literally.
const INLINE_RULES: readonly InlineRule[] = [
  {
    // An author's own backslash escape stays an escape.
    startsWith: '\\',
    pattern: /\\[!-/:-@[-`{-~]/y,
    makesLink: false,
    render: (m) => m[0],
  },
  {
    // Code span content is literal in Markdown.
    startsWith: '`',
    pattern: /`([^`]+)`/y,
    makesLink: false,
    render: (m) => m[0],
  },
  {
    // Images never load (remote images in a hover would be a tracking beacon); the alt text stays.
    startsWith: '!',
    pattern: new RegExp(`!\\[([^[\\]]*)\\]\\(\\s*<?(${DESTINATION})>?(?:\\s+"[^"]*")?\\s*\\)`, 'y'),
    makesLink: false,
    render: (m) => escapeMarkdown(m[1]),
  },
  {
    startsWith: '[',
    pattern: new RegExp(`\\[([^[\\]]*)\\]\\(\\s*<?(${DESTINATION})>?(?:\\s+"[^"]*")?\\s*\\)`, 'y'),
    makesLink: true,
    render: (m) => {
      const text = renderInline(m[1], false);
      const href = safeHref(m[2]);
      if (href === undefined) return text;
      return text.trim() === '' ? (formatLink(href) ?? '') : `[${text}](${href})`;
    },
  },
  {
    startsWith: '<',
    pattern: /<(https?:\/\/[^\s<>]+)>/y,
    makesLink: true,
    render: (m) => formatLink(m[1]) ?? escapeMarkdown(m[0]),
  },
  {
    // A bare URL would otherwise be escaped into plain text; trailing sentence punctuation is not part of it.
    startsWith: 'h',
    pattern: /https?:\/\/[^\s<>()[\]]*[^\s<>()[\].,;:!?'"*_~]/y,
    makesLink: true,
    render: (m) => formatLink(m[0]) ?? escapeMarkdown(m[0]),
  },
  {
    startsWith: '*',
    pattern: /\*\*(?=[^\s*])(.+?)(?<=[^\s*])\*\*/y,
    makesLink: false,
    render: (m, allowLinks) => `**${renderInline(m[1], allowLinks)}**`,
  },
  {
    startsWith: '_',
    pattern: new RegExp(`(?<!${WORD_CHAR})__(?=[^\\s_])(.+?)(?<=[^\\s_])__(?!${WORD_CHAR})`, 'uy'),
    makesLink: false,
    render: (m, allowLinks) => `**${renderInline(m[1], allowLinks)}**`,
  },
  {
    startsWith: '*',
    pattern: /\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?!\*)/y,
    makesLink: false,
    render: (m, allowLinks) => `*${renderInline(m[1], allowLinks)}*`,
  },
  {
    // `_` only emphasises at word boundaries, as in CommonMark, so snake_case_names stay as written.
    startsWith: '_',
    pattern: new RegExp(`(?<!${WORD_CHAR})_(?=[^\\s_])(.+?)(?<=[^\\s_])_(?!${WORD_CHAR})`, 'uy'),
    makesLink: false,
    render: (m, allowLinks) => `*${renderInline(m[1], allowLinks)}*`,
  },
];

/** One line of "Markdown text" → safe inline Markdown. */
function renderInline(text: string, allowLinks = true): string {
  let out = '';
  let index = 0;
  next: while (index < text.length) {
    const char = text[index];
    for (const rule of INLINE_RULES) {
      if (!rule.startsWith.includes(char) || (rule.makesLink && !allowLinks)) continue;
      rule.pattern.lastIndex = index;
      const match = rule.pattern.exec(text);
      if (match) {
        out += rule.render(match, allowLinks);
        index += match[0].length;
        continue next;
      }
    }
    out += char.replace(ASCII_PUNCTUATION, '\\$&');
    index++;
  }
  return out;
}
