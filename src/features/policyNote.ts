import type * as vscode from 'vscode';

export const POLICY_NOTE_LANGUAGE = 'policy-note';

/** Notes in any file system (local, remote, virtual), and unsaved ones. */
export const POLICY_NOTE_SELECTOR: vscode.DocumentSelector = [{ language: POLICY_NOTE_LANGUAGE }];
