// Runs in every web suite (never in the Node host): proves that the tests there test Trade Notes in the
// browser's web worker extension host, where vscode.dev and github.dev run it. The launcher forces it
// there with the user setting remote.extensionKind; these tests run in the same host as the extension
// (its exports reach them), and that host is a web worker without Node.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension } from '../support';
import { report } from '../testRun';

describe('The web worker extension host', () => {
  it('runs Trade Notes: a web worker, no Node, the web UI', async () => {
    const api = await activateExtension();
    assert.ok(api?.store, "Trade Notes' exports reach this host: the extension runs here");
    const extension = vscode.extensions.getExtension('trade-notes.trade-notes')!;
    const scope = Object.prototype.toString.call(globalThis);
    const facts = `${scope}, typeof process: ${typeof process}, uiKind: ${vscode.UIKind[vscode.env.uiKind]}, extensionKind: ${vscode.ExtensionKind[extension.extensionKind]}`;
    // The launcher prints the report: the run's log says where the extension ran.
    report(`Trade Notes is active in this extension host: ${facts}`);
    assert.match(scope, /WorkerGlobalScope/, facts);
    assert.strictEqual(typeof process, 'undefined', facts);
    assert.strictEqual(vscode.env.uiKind, vscode.UIKind.Web, facts);
    assert.strictEqual(extension.extensionKind, vscode.ExtensionKind.UI, facts);
  });
});
