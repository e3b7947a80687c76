import * as vscode from 'vscode';
import { knowledge } from '../bundled/us-china-2025.trade.yaml';
import type { KnowledgeFile } from '../core/knowledge/types';
import { BUNDLED_SCHEME } from './configuration';

export interface BundledKnowledge {
  /** Where bundled entries are shown: a read-only document (features/knowledgeSource.ts). */
  readonly uri: vscode.Uri;
  /** The file, loaded when the extension was built (esbuild.mjs): it has no problems, and activation parses no YAML. */
  readonly file: KnowledgeFile;
  /** Its text, read from the extension's folder when first needed (to show it or navigate in it). */
  text(): Promise<string>;
}

/** The bundled knowledge of the extension installed at `extensionUri`. */
export function bundledKnowledgeOf(extensionUri: vscode.Uri): BundledKnowledge {
  let text: Promise<string> | undefined;
  return {
    uri: vscode.Uri.from({ scheme: BUNDLED_SCHEME, path: '/us-china-2025.trade.yaml' }),
    file: knowledge,
    text: () => {
      const packaged = vscode.Uri.joinPath(extensionUri, 'dist', 'bundled', 'us-china-2025.trade.yaml');
      text ??= Promise.resolve(vscode.workspace.fs.readFile(packaged)).then((bytes) =>
        new TextDecoder('utf-8').decode(bytes),
      );
      // A failed read is not kept: the next request tries again.
      text.catch(() => (text = undefined));
      return text;
    },
  };
}
