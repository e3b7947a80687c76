// A strict reader for VS Code snippet bodies: tab stops ($1, ${1}), placeholders (${1:default}), choices
// (${1|a,b|}) and variables ($NAME, ${NAME}, ${NAME:default}). Where VS Code would silently fall back to
// literal text (an unclosed "${1:", a stray "$"), this reader throws, because in a snippet file those are
// mistakes. Transforms are rejected: no snippet here needs one.

export type SnippetNode =
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'tabstop'; readonly index: number }
  | { readonly kind: 'placeholder'; readonly index: number; readonly children: readonly SnippetNode[] }
  | { readonly kind: 'choice'; readonly index: number; readonly options: readonly string[] }
  | { readonly kind: 'variable'; readonly name: string; readonly fallback?: readonly SnippetNode[] };

export function parseSnippet(body: string): SnippetNode[] {
  return new SnippetReader(body).readSequence(false);
}

class SnippetReader {
  private position = 0;

  constructor(private readonly source: string) {}

  /** Reads up to the end of the body, or up to the "}" that closes the enclosing placeholder. */
  readSequence(insidePlaceholder: boolean): SnippetNode[] {
    const nodes: SnippetNode[] = [];
    let text = '';
    const flushText = () => {
      if (text !== '') {
        nodes.push({ kind: 'text', value: text });
        text = '';
      }
    };
    while (this.position < this.source.length) {
      const char = this.source[this.position];
      if (char === '\\' && '$}\\'.includes(this.source[this.position + 1] ?? '')) {
        text += this.source[this.position + 1];
        this.position += 2;
      } else if (char === '$') {
        flushText();
        nodes.push(this.readDollar());
      } else if (char === '}' && insidePlaceholder) {
        flushText();
        return nodes;
      } else {
        text += char;
        this.position += 1;
      }
    }
    if (insidePlaceholder) {
      throw this.error('unclosed placeholder');
    }
    flushText();
    return nodes;
  }

  private readDollar(): SnippetNode {
    const start = this.position;
    this.position += 1;
    const index = this.readMatch(/^\d+/);
    if (index !== undefined) {
      return { kind: 'tabstop', index: Number(index) };
    }
    const name = this.readMatch(/^[_a-zA-Z][_a-zA-Z0-9]*/);
    if (name !== undefined) {
      return { kind: 'variable', name };
    }
    if (this.source[this.position] !== '{') {
      throw this.error('a "$" that starts nothing (escape it as "\\$")', start);
    }
    this.position += 1;
    return this.readBraced(start);
  }

  private readBraced(start: number): SnippetNode {
    const index = this.readMatch(/^\d+/);
    if (index !== undefined) {
      return this.readBracedTabStop(Number(index), start);
    }
    const name = this.readMatch(/^[_a-zA-Z][_a-zA-Z0-9]*/);
    if (name !== undefined) {
      return this.readBracedVariable(name, start);
    }
    throw this.error('"${" must be followed by a number or a variable name', start);
  }

  private readBracedTabStop(index: number, start: number): SnippetNode {
    switch (this.readChar()) {
      case '}':
        return { kind: 'tabstop', index };
      case ':':
        return { kind: 'placeholder', index, children: this.readPlaceholderText() };
      case '|':
        return { kind: 'choice', index, options: this.readChoiceOptions(start) };
      case '/':
        throw this.error('transforms are not supported', start);
      default:
        throw this.error('malformed tab stop', start);
    }
  }

  private readBracedVariable(name: string, start: number): SnippetNode {
    switch (this.readChar()) {
      case '}':
        return { kind: 'variable', name };
      case ':':
        return { kind: 'variable', name, fallback: this.readPlaceholderText() };
      case '/':
        throw this.error('transforms are not supported', start);
      default:
        throw this.error('malformed variable', start);
    }
  }

  private readPlaceholderText(): SnippetNode[] {
    const children = this.readSequence(true);
    this.position += 1; // the closing "}"
    return children;
  }

  private readChar(): string | undefined {
    const char = this.source[this.position];
    this.position += 1;
    return char;
  }

  private readChoiceOptions(start: number): string[] {
    const options: string[] = [];
    let option = '';
    while (this.position < this.source.length) {
      const char = this.source[this.position];
      if (char === '\\' && ',|\\'.includes(this.source[this.position + 1] ?? '')) {
        option += this.source[this.position + 1];
        this.position += 2;
      } else if (char === ',') {
        options.push(option);
        option = '';
        this.position += 1;
      } else if (char === '|' && this.source[this.position + 1] === '}') {
        options.push(option);
        this.position += 2;
        return options;
      } else {
        option += char;
        this.position += 1;
      }
    }
    throw this.error('unclosed choice', start);
  }

  private readMatch(pattern: RegExp): string | undefined {
    const match = pattern.exec(this.source.slice(this.position));
    if (!match) {
      return undefined;
    }
    this.position += match[0].length;
    return match[0];
  }

  private error(message: string, at = this.position): Error {
    return new Error(`${message} at offset ${at} of ${JSON.stringify(this.source)}`);
  }
}

export interface TabStopUse {
  readonly index: number;
  /** A placeholder or choice gives the tab stop its initial text; a bare $n only mirrors it. */
  readonly definesText: boolean;
}

export function tabStopUses(nodes: readonly SnippetNode[]): TabStopUse[] {
  return nodes.flatMap((node): TabStopUse[] => {
    switch (node.kind) {
      case 'tabstop':
        return [{ index: node.index, definesText: false }];
      case 'placeholder':
        return [{ index: node.index, definesText: true }, ...tabStopUses(node.children)];
      case 'choice':
        return [{ index: node.index, definesText: true }];
      case 'variable':
        return node.fallback ? tabStopUses(node.fallback) : [];
      case 'text':
        return [];
    }
  });
}

export function variableNames(nodes: readonly SnippetNode[]): string[] {
  return nodes.flatMap((node): string[] => {
    switch (node.kind) {
      case 'variable':
        return [node.name, ...(node.fallback ? variableNames(node.fallback) : [])];
      case 'placeholder':
        return variableNames(node.children);
      default:
        return [];
    }
  });
}

/**
 * The text VS Code inserts when the user accepts every default: placeholders keep their text, choices
 * their first option, mirrors copy the text of their tab stop, variables take the given values.
 */
export function expandSnippet(nodes: readonly SnippetNode[], variables: Readonly<Record<string, string>>): string {
  const initialTexts = new Map<number, string>();
  const render = (sequence: readonly SnippetNode[]): string =>
    sequence
      .map((node) => {
        switch (node.kind) {
          case 'text':
            return node.value;
          case 'tabstop':
            return initialTexts.get(node.index) ?? '';
          case 'placeholder': {
            const text = render(node.children);
            if (!initialTexts.has(node.index)) {
              initialTexts.set(node.index, text);
            }
            return text;
          }
          case 'choice': {
            const text = node.options[0] ?? '';
            if (!initialTexts.has(node.index)) {
              initialTexts.set(node.index, text);
            }
            return text;
          }
          case 'variable': {
            const value = variables[node.name];
            if (value !== undefined) {
              return value;
            }
            if (node.fallback) {
              return render(node.fallback);
            }
            throw new Error(`no value for variable ${node.name}`);
          }
        }
      })
      .join('');
  // Mirrors may come before the placeholder they copy, so the first pass only collects initial texts.
  render(nodes);
  return render(nodes);
}
