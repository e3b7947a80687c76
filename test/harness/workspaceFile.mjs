// @ts-check
// Tests may add and remove workspace folders, and VS Code then rewrites the .code-workspace file it
// opened: the launchers open a copy inside the run folder, with relative folder paths made absolute,
// so the fixture in the repository never changes.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Copies a .code-workspace file into `runFolder` (folder entries with a `uri` are kept as they are).
 * @param {string} workspaceFile absolute path
 * @param {string} runFolder
 * @returns {string} the path of the copy
 */
export function copyWorkspaceFile(workspaceFile, runFolder) {
  /** @type {{ folders?: Array<{ path?: unknown }> }} */
  const workspace = JSON.parse(jsoncToJson(readFileSync(workspaceFile, 'utf8')));
  for (const folder of workspace.folders ?? []) {
    if (typeof folder.path === 'string') folder.path = path.resolve(path.dirname(workspaceFile), folder.path);
  }
  const copyFolder = path.join(runFolder, 'workspace');
  mkdirSync(copyFolder, { recursive: true });
  const copy = path.join(copyFolder, path.basename(workspaceFile));
  writeFileSync(copy, JSON.stringify(workspace, null, 2));
  return copy;
}

/**
 * JSON with comments and trailing commas, as VS Code reads workspace files, to plain JSON. Each
 * pattern matches strings first, so `//` or `,]` inside a string stays.
 * @param {string} text
 */
export function jsoncToJson(text) {
  const withoutComments = text.replace(/("(?:[^"\\]|\\.)*")|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (_, string) => string ?? '');
  return withoutComments.replace(/("(?:[^"\\]|\\.)*")|,(?=\s*[}\]])/g, (_, string) => string ?? '');
}
