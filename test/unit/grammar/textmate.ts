// Tokenizes policy notes the way VS Code does: vscode-textmate on Oniguruma, with the Markdown, YAML and
// HTML grammars from tm-grammars standing in for the ones VS Code ships. Grammars they include that are not
// registered here (the languages of fenced code blocks, CSS, JavaScript) stay unresolved.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadWASM, OnigScanner, OnigString } from 'vscode-oniguruma';
import { INITIAL, IGrammar, Registry, StateStack, parseRawGrammar } from 'vscode-textmate';

export const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');

export const policyNoteGrammarPath = path.join(repoRoot, 'syntaxes', 'policy-note.tmLanguage.json');

const tmGrammars = path.join(repoRoot, 'node_modules', 'tm-grammars', 'grammars');

const grammarFiles: Readonly<Record<string, string>> = {
  'text.policy-note': policyNoteGrammarPath,
  'text.html.markdown': path.join(tmGrammars, 'markdown.json'),
  'source.yaml': path.join(tmGrammars, 'yaml.json'),
  'text.html.derivative': path.join(tmGrammars, 'html-derivative.json'),
  'text.html.basic': path.join(tmGrammars, 'html.json'),
};

export interface Token {
  readonly text: string;
  readonly scopes: readonly string[];
}

let onigLoaded: Promise<void> | undefined;

/** Oniguruma's WASM can be loaded once per process. */
export function loadOniguruma(): Promise<void> {
  if (!onigLoaded) {
    const wasm = fs.readFileSync(path.join(repoRoot, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
    onigLoaded = loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  }
  return onigLoaded;
}

let policyNoteGrammar: Promise<IGrammar> | undefined;

export function loadPolicyNoteGrammar(): Promise<IGrammar> {
  policyNoteGrammar ??= createPolicyNoteGrammar();
  return policyNoteGrammar;
}

async function createPolicyNoteGrammar(): Promise<IGrammar> {
  const registry = new Registry({
    onigLib: loadOniguruma().then(() => ({
      createOnigScanner: (patterns: string[]) => new OnigScanner(patterns),
      createOnigString: (text: string) => new OnigString(text),
    })),
    loadGrammar: async (scopeName: string) => {
      const file = grammarFiles[scopeName];
      return file === undefined ? null : parseRawGrammar(fs.readFileSync(file, 'utf8'), file);
    },
  });
  const grammar = await registry.loadGrammar('text.policy-note');
  if (!grammar) {
    throw new Error('text.policy-note did not load');
  }
  return grammar;
}

/** One array of tokens per line, carrying the rule stack from line to line like an editor does. */
export function tokenizeDocument(grammar: IGrammar, text: string): Token[][] {
  let ruleStack: StateStack = INITIAL;
  return text.split('\n').map((line) => {
    const result = grammar.tokenizeLine(line, ruleStack);
    ruleStack = result.ruleStack;
    return result.tokens.map((token) => ({
      text: line.slice(token.startIndex, token.endIndex),
      scopes: token.scopes,
    }));
  });
}
