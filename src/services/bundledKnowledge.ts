import * as vscode from 'vscode';
import { knowledge, text } from '../bundled/us-china-2025.trade.yaml';
import type { KnowledgeFile } from '../core/knowledge/types';
import { BUNDLED_SCHEME } from './configuration';

export interface BundledKnowledge {
  readonly uri: vscode.Uri;
  readonly text: string;
  /** The text, loaded: it has no problems (the build checks). */
  readonly file: KnowledgeFile;
}

/** Loaded when the extension was built (see esbuild.mjs): activation parses no YAML for it. */
export const bundledKnowledge: BundledKnowledge = {
  uri: vscode.Uri.from({ scheme: BUNDLED_SCHEME, path: '/us-china-2025.trade.yaml' }),
  text,
  file: knowledge,
};
