import * as vscode from 'vscode';

/** Card Markdown for hovers and tooltips: never trusted, no HTML, since it renders knowledge-file text. */
export function untrustedMarkdown(markdown: string): vscode.MarkdownString {
  const result = new vscode.MarkdownString(markdown, false);
  result.isTrusted = false;
  result.supportHtml = false;
  return result;
}
