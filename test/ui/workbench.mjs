// @ts-check
// A real VS Code workbench (code-server + headless chromium) on the examples/ workspace, driven the
// way a user drives it: clicks in the Explorer and the activity bar, real mouse moves for hovers.
//
// The extension comes from the environment set by test/harness/run-ui.mjs:
//   TRADE_NOTES_UI_EXTENSIONS_DIR  an extensions folder holding the installed vsix (packaged check);
//                                  unset: the repository is loaded as a development extension.
//   TRADE_NOTES_UI_HOST=web        the extension runs in the browser's web worker extension host, as on
//                                  vscode.dev (screenshots are named web-*.png); unset: code-server's Node one.
//   TRADE_NOTES_SCREENSHOTS_DIR    where screenshots go (default test-results/ui).
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser, newWorkbenchPage } from '../harness/browser.mjs';
import {
  prepareRunFolders,
  remoteUri,
  startCodeServer,
  webWorkerExtensionKinds,
  workbenchUrl,
} from '../harness/code-server.mjs';
import { examplesWorkspace, repoRoot, uiResultsFolder } from '../harness/paths.mjs';
import { delay } from '../harness/processes.mjs';
import { ensureCodeServer } from '../harness/provision.mjs';

/** @typedef {{ level: number, label: string, description: string }} TreeRow */

/** Whether the extension runs in the browser's web worker extension host. */
export const inWebWorker = process.env.TRADE_NOTES_UI_HOST === 'web';

/**
 * @typedef {object} WorkbenchOptions
 * @property {string} [locale] the display language (see test/harness/README.md)
 * @property {string} [workspace] the folder to open, examples/ unless given (an absolute path)
 */

/**
 * One workbench for the tests of a `describe` block, with `relativePath` (a file of the workspace) open
 * in it; closed after them, keeping its run folder (logs) when a test failed. Call it in the block's body.
 * @param {string | undefined} relativePath undefined: no file is opened
 * @param {WorkbenchOptions} [options]
 * @returns {() => Workbench} the workbench, once `before` has opened it
 */
export function workbenchWith(relativePath, options = {}) {
  /** @type {Workbench | undefined} undefined until `before` has run; mocha skips the tests when it fails */
  let workbench;
  let passed = true;
  before(async () => {
    workbench = await Workbench.open(options);
    if (relativePath !== undefined) await workbench.openFromExplorer(relativePath);
  });
  afterEach(function () {
    if (this.currentTest?.state !== 'passed') passed = false;
  });
  after(async () => {
    await workbench?.close(passed);
  });
  return () => {
    if (!workbench) throw new Error('the workbench is not open');
    return workbench;
  };
}

export class Workbench {
  /**
   * @param {import('playwright-core').Page} page
   * @param {() => Promise<void>} shutDown
   * @param {string} runFolder
   * @param {string} workspace the folder open in the workbench
   */
  constructor(page, shutDown, runFolder, workspace) {
    this.page = page;
    this.shutDown = shutDown;
    this.runFolder = runFolder;
    this.workspace = workspace;
  }

  /**
   * Starts code-server and the browser and waits for the Explorer of the workspace.
   * @param {WorkbenchOptions} [options]
   */
  static async open({ locale, workspace = examplesWorkspace } = {}) {
    const installedExtensions = process.env.TRADE_NOTES_UI_EXTENSIONS_DIR;
    const install = await ensureCodeServer();
    const runFolder = mkdtempSync(path.join(os.tmpdir(), 'trade-notes-ui-'));
    const folders = prepareRunFolders(runFolder, {
      extensionsDir: installedExtensions,
      settings: inWebWorker ? webWorkerExtensionKinds([repoRoot]) : undefined,
      locale,
    });
    const server = await startCodeServer(install, folders);
    const { browser, close } = await launchBrowser().catch(async (error) => {
      await server.stop();
      throw error;
    });
    const shutDown = async () => {
      await close();
      await server.stop();
    };
    try {
      const page = await newWorkbenchPage(browser);
      const payload = installedExtensions
        ? undefined
        : /** @type {Array<[string, string]>} */ ([
            ['extensionDevelopmentPath', remoteUri(server.origin, repoRoot)],
            ['skipWelcome', 'true'],
            ['skipReleaseNotes', 'true'],
          ]);
      await page.goto(workbenchUrl(server.origin, workspace, payload));
      await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
      return new Workbench(page, shutDown, runFolder, workspace);
    } catch (error) {
      await shutDown();
      throw error;
    }
  }

  /** @param {boolean} passed the run folder (logs) is kept when something failed */
  async close(passed) {
    await this.shutDown();
    if (passed) rmSync(this.runFolder, { recursive: true, force: true });
    else console.log(`UI run folder kept: ${this.runFolder}`);
  }

  /**
   * Opens a file of the workspace by clicking through the Explorer, like a user.
   * @param {string} relativePath e.g. notes/london-talks-debrief.pnote
   */
  async openFromExplorer(relativePath) {
    const parts = relativePath.split('/');
    for (const [index, name] of parts.entries()) {
      const row = this.page.locator(`.explorer-folders-view .monaco-list-row[aria-label^="${name}"]`).first();
      await row.waitFor();
      const isFolder = index < parts.length - 1;
      if (!isFolder || (await row.getAttribute('aria-expanded')) === 'false') await row.click();
    }
    await this.page.locator(`.tabs-container .tab.active[aria-label^="${parts.at(-1)}"]`).waitFor();
    await this.page.locator('.part.editor .monaco-editor .view-line').first().waitFor();
  }

  /**
   * Moves the mouse onto `text` in the open editor and returns the text of the hover that appears.
   * Retries until the extension has activated and answers, up to `timeoutMs`.
   * @param {string} relativePath the open file, to find the line of `text`
   * @param {string} text
   * @param {number} [timeoutMs]
   */
  async hoverOver(relativePath, text, timeoutMs = 60_000) {
    const source = readFileSync(path.join(this.workspace, relativePath), 'utf8');
    const lineNumber = source.split('\n').findIndex((line) => line.includes(text)) + 1;
    if (lineNumber === 0) throw new Error(`"${text}" does not occur in ${path.join(this.workspace, relativePath)}`);
    if (!(await this.centerOf(text))) await this.goToLine(lineNumber);

    const hover = this.page.locator('.monaco-hover:not(.hidden)').first();
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      await this.dismissHover();
      const point = await this.centerOf(text);
      if (point) {
        await this.page.mouse.move(point.x, point.y, { steps: 8 });
        const shown = await hover.waitFor({ timeout: 4000 }).then(
          () => true,
          () => false,
        );
        const content = shown ? await settledText(hover) : '';
        if (content !== '' && content !== loadingPlaceholder && !stillSearching.some((line) => content.includes(line)))
          return content;
      }
      await delay(500);
    }
    throw new Error(`no hover appeared over "${text}" within ${timeoutMs / 1000} s`);
  }

  /** Parks the mouse on the empty middle of the status bar, where it opens no hover or tooltip. */
  async moveMouseAway() {
    const statusBar = await this.page.locator('.part.statusbar').boundingBox();
    if (!statusBar) throw new Error('the status bar is not visible');
    await this.page.mouse.move(statusBar.x + statusBar.width / 2, statusBar.y + statusBar.height / 2, { steps: 2 });
    await delay(300);
  }

  /**
   * Drags the edge between the side bar and the editor, so that long tree rows fit.
   * @param {number} width in pixels
   */
  async setSideBarWidth(width) {
    const sideBar = await this.page.locator('.part.sidebar').boundingBox();
    if (!sideBar) throw new Error('the side bar is not visible');
    const x = sideBar.x + sideBar.width;
    const y = sideBar.y + sideBar.height / 2;
    await this.page.mouse.move(x, y, { steps: 2 });
    await this.page.mouse.down();
    await this.page.mouse.move(sideBar.x + width, y, { steps: 10 });
    await this.page.mouse.up();
    await this.moveMouseAway();
  }

  /**
   * Enlarges the open hover until its whole card shows, by dragging its resize edge as a user can
   * (VS Code caps a new hover at max(editor height / 4, 250 px) and keeps a user's size for the session).
   */
  async fitHover() {
    const overflow = await this.page
      .locator('.monaco-resizable-hover .monaco-hover-content')
      .evaluate((content) => content.scrollHeight - content.clientHeight);
    if (overflow <= 0) return;
    const edge = this.page.locator('.monaco-resizable-hover .monaco-sash.horizontal:not(.disabled)').first();
    const box = await edge.boundingBox();
    if (!box) throw new Error('the hover has no resize edge');
    const growsDown = await edge.evaluate((element) => element.classList.contains('orthogonal-edge-south'));
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await this.page.mouse.move(x, y, { steps: 4 });
    await this.page.mouse.down();
    await this.page.mouse.move(x, y + (growsDown ? 1 : -1) * (overflow + 4), { steps: 10 });
    await this.page.mouse.up();
    await delay(300);
  }

  /** Closes any open hover, so that the next one shown is new and nothing covers the text. */
  async dismissHover() {
    // A hover stays open while the mouse is on it: leave it, then close it.
    await this.moveMouseAway();
    await this.page.keyboard.press('Escape');
    await this.page.locator('.monaco-hover:not(.hidden)').waitFor({ state: 'detached', timeout: 5000 });
  }

  /**
   * Opens the Trade Notes container from the activity bar and reads the rows of its timeline tree.
   * @returns {Promise<TreeRow[]>}
   */
  async readTimeline() {
    await this.page.locator('.part.activitybar .action-item [aria-label^="Trade Notes"]').first().click();
    // Away from the activity bar, so that its tooltip does not cover the view.
    await this.moveMouseAway();
    const pane = this.page.locator('.pane', { has: this.page.locator('.pane-header', { hasText: 'Talks Timeline' }) });
    const rows = pane.locator('.monaco-list-row');
    await rows.first().waitFor({ timeout: 30_000 });
    // Month groups may start collapsed: expand them so that their events are rendered. (Event rows
    // are collapsed too, but clicking one opens its knowledge entry.)
    for (const group of await pane.locator('.monaco-list-row[aria-level="1"][aria-expanded="false"]').all())
      await group.click();
    await delay(300);
    return pane.locator('.monaco-list-row').evaluateAll((elements) =>
      elements.map((element) => ({
        level: Number(element.getAttribute('aria-level')),
        label: element.querySelector('.label-name')?.textContent?.trim() ?? '',
        description: element.querySelector('.label-description')?.textContent?.trim() ?? '',
      })),
    );
  }

  /**
   * Where VS Code runs an extension, as its Running Extensions editor says: "web worker" for the
   * browser's web worker extension host, the server's address for code-server's Node extension host.
   * @param {string} name the extension's name in its package.json
   */
  async extensionHostOf(name) {
    await this.runCommand('Developer: Show Running Extensions', 'Show Running Extensions');
    const list = this.page.locator('.runtime-extensions-editor .monaco-list');
    await list.locator('.monaco-list-row').first().waitFor({ timeout: 60_000 });
    // The list renders only the rows in view, and sorts by activation time: on a loaded machine ours may
    // be further down. Scroll until its row is rendered.
    const row = list.locator(`.monaco-list-row[aria-label="${name}"]`);
    const box = await list.boundingBox();
    for (let step = 0; step < 40 && (await row.count()) === 0; step++) {
      if (box) await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await this.page.mouse.wheel(0, 300);
      await delay(250);
    }
    const where = (await row.locator('.msg').innerText({ timeout: 30_000 })).trim();
    await this.page.keyboard.press('Escape');
    return where;
  }

  /**
   * Runs a command from the Command Palette as a user does: F1, its name, a click on its row.
   * @param {string} name as typed, e.g. "Developer: Show Running Extensions"
   * @param {string} [row] the text of its row in the palette, when it differs
   */
  async runCommand(name, row = name) {
    await this.page.keyboard.press('F1');
    await this.page.locator('.quick-input-widget input').fill(`>${name}`);
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: row }).first().click();
  }

  /**
   * Picks an item of the open quick pick by typing it and pressing Enter once its row is the first
   * (a click may land on the row's hover tooltip).
   * @param {string} label
   */
  async pick(label) {
    await this.page.locator('.quick-input-widget input').fill(label);
    await this.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: label }).first().waitFor();
    await this.page.keyboard.press('Enter');
  }

  /** @param {string} name file name without extension; in the web worker host it gets the prefix web- */
  async screenshot(name) {
    const screenshotsFolder = path.resolve(process.env.TRADE_NOTES_SCREENSHOTS_DIR ?? uiResultsFolder);
    mkdirSync(screenshotsFolder, { recursive: true });
    await this.page.screenshot({ path: path.join(screenshotsFolder, `${inWebWorker ? 'web-' : ''}${name}.png`) });
  }

  /** @param {number} lineNumber */
  async goToLine(lineNumber) {
    await this.page.keyboard.press('Control+G');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    // Go to Line is quick access with the ":" prefix; filling replaces the prefilled one.
    await input.fill(`:${lineNumber}`);
    await this.page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden' });
  }

  /**
   * The screen position of the middle of `text` in the rendered editor lines, if it is visible.
   * @param {string} text
   */
  centerOf(text) {
    return this.page.evaluate((needle) => {
      for (const line of document.querySelectorAll('.part.editor .monaco-editor .view-line')) {
        // Monaco renders spaces as no-break spaces and may split a word across token spans.
        const nodes = [];
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node);
        const lineText = nodes
          .map((node) => node.textContent ?? '')
          .join('')
          .replace(/\u00a0/g, ' ');
        const start = lineText.indexOf(needle);
        if (start < 0) continue;
        const range = document.createRange();
        let offset = 0;
        for (const node of nodes) {
          const length = (node.textContent ?? '').length;
          if (start >= offset && start < offset + length) range.setStart(node, start - offset);
          if (start + needle.length > offset && start + needle.length <= offset + length) {
            range.setEnd(node, start + needle.length - offset);
          }
          offset += length;
        }
        const box = range.getBoundingClientRect();
        return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      }
      return undefined;
    }, text);
  }
}

/** What VS Code shows in a hover while its providers are still working. */
const loadingPlaceholder = 'Loading...';
/**
 * The line a card ends with while the extension's first search for knowledge files runs (a first start
 * in the workspace), in English and in every translation: such a card may still change, so hovers are
 * tried again until it is final.
 */
const stillSearching = stillSearchingLines();

function stillSearchingLines() {
  const english = '_Still looking for knowledge files in this workspace: this card may change in a moment._';
  const l10n = path.join(repoRoot, 'l10n');
  const translations = readdirSync(l10n)
    .filter((file) => /^bundle\.l10n\.[^.]+\.json$/.test(file))
    .map((file) => JSON.parse(readFileSync(path.join(l10n, file), 'utf8'))[english]);
  // As the hover renders them: without the emphasis marks.
  return [english, ...translations]
    .filter((line) => typeof line === 'string')
    .map((line) => line.replace(/^[_*]|[_*]$/g, ''));
}

/**
 * The text of a hover once it stops changing: it may show the loading placeholder first, then grow
 * as parts arrive. Gives up after 10 s and returns what it has.
 * @param {import('playwright-core').Locator} hover
 */
async function settledText(hover) {
  let previous = '';
  for (let attempt = 0; attempt < 40; attempt++) {
    const text = (await hover.innerText()).trim();
    const current = JSON.stringify([text, (await hover.boundingBox())?.height]);
    if (current === previous && text !== loadingPlaceholder) break;
    previous = current;
    await delay(250);
  }
  return (await hover.innerText()).trim();
}
