import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { escapeMarkdown, formatLink, quoteBlock, sanitizeMarkdown } from '../../src/core/cards/markdown';

/** What CommonMark shows for escaped text: every backslash escape reduced to its character. */
function unescapeMarkdown(markdown: string): string {
  return markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** Positions of ASCII punctuation that is not backslash-escaped, i.e. that Markdown may interpret. */
function unescapedPunctuation(markdown: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < markdown.length; i++) {
    if (markdown[i] === '\\') {
      i++;
      continue;
    }
    if (/[!-/:-@[-`{-~]/.test(markdown[i])) found.push(markdown[i]);
  }
  return found;
}

/** Every link or image destination written in the Markdown. */
function linkTargets(markdown: string): string[] {
  return [...markdown.matchAll(/(?<!\\)\]\(([^)]*)\)/g)].map((m) => m[1]);
}

describe('escapeMarkdown', () => {
  it('shows an HTML tag literally', () => {
    assert.equal(escapeMarkdown('<img src=x onerror=alert(1)>'), '\\<img src\\=x onerror\\=alert\\(1\\)\\>');
  });

  it('escapes every Markdown construct in a name', () => {
    assert.equal(
      escapeMarkdown('**Bessent** [x](command:workbench.action.quit) # | ~ `code` &amp;'),
      '\\*\\*Bessent\\*\\* \\[x\\]\\(command\\:workbench\\.action\\.quit\\) \\# \\| \\~ \\`code\\` \\&amp\\;',
    );
  });

  it('keeps a value on one line, so it can neither start a block nor split a table row', () => {
    assert.equal(escapeMarkdown('  Secretary of\n---\n  the Treasury '), 'Secretary of \\-\\-\\- the Treasury');
  });

  it('leaves letters, digits and non-ASCII text alone', () => {
    assert.equal(escapeMarkdown('He Lifeng 何立峰 🇨🇳 145'), 'He Lifeng 何立峰 🇨🇳 145');
  });

  it('renders back to the original text for any input (whitespace collapsed), with no live punctuation', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const escaped = escapeMarkdown(text);
        assert.deepEqual(unescapedPunctuation(escaped), []);
        assert.ok(!/[\r\n]/.test(escaped));
        assert.equal(unescapeMarkdown(escaped), text.replace(/\s+/g, ' ').trim());
      }),
    );
  });
});

describe('formatLink', () => {
  it('labels a link with its host and path, without scheme, www. or query', () => {
    assert.equal(
      formatLink('https://www.whitehouse.gov/briefings-statements/2025/05/?utm=1#top'),
      '[whitehouse\\.gov\\/briefings\\-statements\\/2025\\/05](https://www.whitehouse.gov/briefings-statements/2025/05/?utm=1#top)',
    );
  });

  it('shortens a long label with an ellipsis', () => {
    const link = formatLink(
      'https://ustr.gov/about-us/policy-offices/press-office/press-releases/2025/may/joint-statement-us-china',
    );
    assert.ok(link);
    const label = unescapeMarkdown(link.slice(1, link.indexOf('](')));
    assert.equal(label.length, 48);
    assert.ok(label.startsWith('ustr.gov/about-us/policy-offices/'));
    assert.ok(label.endsWith('…'));
  });

  it('refuses anything that is not an http(s) URL', () => {
    for (const url of [
      'command:workbench.action.quit',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'data:text/html,<script>alert(1)</script>',
      '//evil.example/x',
      'ustr.gov',
      'https://',
    ]) {
      assert.equal(formatLink(url), undefined, url);
    }
  });

  it('encodes characters that would end the destination or split a table cell, but shows them in the label', () => {
    assert.equal(
      formatLink('https://example.org/a(b)|c\\d e'),
      '[example\\.org\\/a\\(b\\)\\|c\\/d e](https://example.org/a%28b%29%7Cc/d%20e)',
    );
  });

  it('keeps malformed percent-escapes in the label as they are', () => {
    assert.equal(
      formatLink('https://example.org/100%25/%E4'),
      '[example\\.org\\/100\\%25\\/\\%E4](https://example.org/100%25/%E4)',
    );
  });
});

describe('sanitizeMarkdown', () => {
  it('keeps basic formatting and http(s) links', () => {
    assert.equal(
      sanitizeMarkdown(
        'The **Geneva** truce cut rates for *90 days*; see `Annex I` and [the statement](https://www.whitehouse.gov/x).',
      ),
      'The **Geneva** truce cut rates for *90 days*\\; see `Annex I` and [the statement](https://www.whitehouse.gov/x)\\.',
    );
  });

  it('keeps bullet and numbered lists and paragraphs, normalising markers', () => {
    assert.equal(
      sanitizeMarkdown('Outcomes:\n* 90-day pause\n+ mechanism for talks\n\n\n2) follow-up in London'),
      'Outcomes\\:\n- 90\\-day pause\n- mechanism for talks\n\n2. follow\\-up in London',
    );
  });

  it('shows raw HTML literally', () => {
    assert.equal(sanitizeMarkdown('<img src=x onerror=alert(1)>'), '\\<img src\\=x onerror\\=alert\\(1\\)\\>');
    assert.equal(sanitizeMarkdown('<script>alert(1)</script>'), '\\<script\\>alert\\(1\\)\\<\\/script\\>');
  });

  it('reduces command:, javascript: and file: links to their text', () => {
    assert.equal(sanitizeMarkdown('[x](command:workbench.action.quit)'), 'x');
    assert.equal(sanitizeMarkdown('[x](javascript:alert(1))'), 'x');
    assert.equal(sanitizeMarkdown('[**open** me](file:///etc/passwd "title")'), '**open** me');
  });

  it('reduces images to their alt text, whatever the target', () => {
    assert.equal(sanitizeMarkdown('![i](file:///etc/passwd)'), 'i');
    assert.equal(sanitizeMarkdown('![chart *1*](https://tracker.example/pixel.png)'), 'chart \\*1\\*');
  });

  it('does not let a rule, heading, quote or fence split the card', () => {
    assert.equal(
      sanitizeMarkdown('Before\n---\n# heading\n> quoted\n```\ncode\n~~~\n    indented\n==='),
      'Before\n\\-\\-\\-\n\\# heading\n\\> quoted\n\\`\\`\\`\ncode\n\\~\\~\\~\nindented\n\\=\\=\\=',
    );
  });

  it('shows reference-style links and definitions literally, so they cannot smuggle a target', () => {
    assert.equal(
      sanitizeMarkdown('[quit][q]\n[q]: command:workbench.action.quit'),
      '\\[quit\\]\\[q\\]\n\\[q\\]\\: command\\:workbench\\.action\\.quit',
    );
  });

  it('turns bare and angle-bracket http(s) URLs into links, leaving sentence punctuation outside', () => {
    assert.equal(
      sanitizeMarkdown('Source: https://ustr.gov/trade-topics. Also <https://mofcom.gov.cn/>'),
      'Source\\: [ustr\\.gov\\/trade\\-topics](https://ustr.gov/trade-topics)\\. Also [mofcom\\.gov\\.cn](https://mofcom.gov.cn/)',
    );
  });

  it('leaves snake_case words unformatted but honours _emphasis_ at word boundaries', () => {
    assert.equal(sanitizeMarkdown('us_on_cn was _cut_'), 'us\\_on\\_cn was *cut*');
  });

  it("keeps an author's backslash escapes and escapes stray backticks", () => {
    assert.equal(sanitizeMarkdown('\\*not emphasis\\* and a lone ` tick'), '\\*not emphasis\\* and a lone \\` tick');
  });

  it('never emits a non-http(s) link, raw HTML or a block construct, for any input', () => {
    const pieces = fc.constantFrom(
      '[',
      ']',
      '(',
      ')',
      '!',
      '<',
      '>',
      '&',
      '*',
      '_',
      '`',
      '#',
      '-',
      '=',
      '|',
      '~',
      '\\',
      ':',
      '"',
      ' ',
      '\n',
      '    ',
      'command:x',
      'javascript:alert(1)',
      'https://a.example/p',
      'file:///etc/passwd',
      'text',
      '1.',
      '<img>',
    );
    fc.assert(
      fc.property(
        fc.array(pieces, { maxLength: 40 }).map((parts) => parts.join('')),
        (text) => {
          const safe = sanitizeMarkdown(text);
          for (const target of linkTargets(safe)) assert.match(target, /^https?:\/\//);
          const outsideCode = safe.replace(/(?<!\\)((?:\\\\)*)`[^`]*`/g, '$1');
          assert.ok(!/(?<!\\)(?:\\\\)*</.test(outsideCode), `unescaped < in ${JSON.stringify(safe)}`);
          for (const line of safe.split('\n')) {
            // Lines may start with a list marker written by the sanitiser, a number that is not one, emphasis,
            // a code span, a link or escaped text; never with a character that could open a block.
            assert.match(
              line,
              /^(?:$|- \S|\d+\. \S|\d+(?:[^\d.)\s]|$)|\*+[^\s*]|`[^`]|[^\s\-+*#>=|~`<\d_])/,
              `line ${JSON.stringify(line)}`,
            );
          }
        },
      ),
    );
  });
});

describe('quoteBlock', () => {
  it('prefixes every line, blank ones included, so the quote stays one block', () => {
    assert.equal(quoteBlock('First\n\n- item'), '> First\n>\n> - item');
  });
});
