// @ts-check
// Child processes of the harness: each runs in its own process group so that ending it also ends
// everything it forked (code-server's extension host, file watcher, pty host). Every group still
// alive is ended on normal exit, on error and on Ctrl-C.
import { spawn, execFileSync } from 'node:child_process';

/** @typedef {import('node:child_process').ChildProcess} ChildProcess */

/** @type {Set<ChildProcess>} */
const running = new Set();
/** @type {Set<() => Promise<void>>} */
const asyncCleanups = new Set();

/**
 * Starts a command as the leader of a new process group (setsid) and tracks it until it exits.
 * @param {string} command
 * @param {string[]} args
 * @param {import('node:child_process').SpawnOptions} options
 */
export function spawnGroup(command, args, options) {
  installHandlersOnce();
  const child = spawn(command, args, { ...options, detached: true });
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

/**
 * Ends a process group: SIGTERM, then SIGKILL after a grace period. Descendants that moved to
 * another group are found through their parent chain and ended by id too.
 * @param {ChildProcess} child
 * @param {number} [graceMs]
 */
export async function stopGroup(child, graceMs = 5000) {
  const pid = child.pid;
  if (pid === undefined) return;
  const pids = [pid, ...descendantsOf(pid, processTable())];
  signalAll(pid, pids, 'SIGTERM');
  const exited =
    child.exitCode !== null || child.signalCode !== null
      ? Promise.resolve()
      : new Promise((resolve) => child.once('exit', resolve));
  await Promise.race([exited, delay(graceMs)]);
  // Descendants may outlive the leader: kill those still there (and only those, as ids get reused).
  const stillRunning = processTable();
  signalAll(
    pid,
    pids.filter((id) => stillRunning.has(id)),
    'SIGKILL',
  );
  running.delete(child);
}

/**
 * Registers async cleanup (closing a browser) to run before process groups are killed on a signal
 * or an unhandled error. Returns a function that unregisters it.
 * @param {() => Promise<void>} cleanup
 */
export function onInterrupt(cleanup) {
  installHandlersOnce();
  asyncCleanups.add(cleanup);
  return () => asyncCleanups.delete(cleanup);
}

/** @param {number} ms */
export function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * @param {number} groupId
 * @param {number[]} pids
 * @param {NodeJS.Signals} signal
 */
function signalAll(groupId, pids, signal) {
  tryKill(-groupId, signal);
  for (const pid of pids) tryKill(pid, signal);
}

/**
 * @param {number} pid
 * @param {NodeJS.Signals} signal
 */
function tryKill(pid, signal) {
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone.
  }
}

/** @returns {Map<number, number>} parent id by process id */
function processTable() {
  const parents = new Map();
  let table = '';
  try {
    table = execFileSync('ps', ['-e', '-o', 'pid=,ppid='], { encoding: 'utf8' });
  } catch {
    // Without ps, only the process group is signalled.
  }
  for (const line of table.split('\n')) {
    const [pid, ppid] = line.trim().split(/\s+/).map(Number);
    if (pid && ppid !== undefined) parents.set(pid, ppid);
  }
  return parents;
}

/**
 * @param {number} rootPid
 * @param {Map<number, number>} parents
 */
function descendantsOf(rootPid, parents) {
  /** @type {Map<number, number[]>} */
  const childrenByParent = new Map();
  for (const [pid, ppid] of parents) childrenByParent.set(ppid, [...(childrenByParent.get(ppid) ?? []), pid]);
  const found = [];
  const queue = [rootPid];
  while (queue.length > 0) {
    const children = childrenByParent.get(/** @type {number} */ (queue.shift())) ?? [];
    found.push(...children);
    queue.push(...children);
  }
  return found;
}

let handlersInstalled = false;

function installHandlersOnce() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  // Last resort, synchronous: 'exit' handlers cannot wait.
  process.on('exit', () => {
    for (const child of running) {
      if (child.pid !== undefined) signalAll(child.pid, [child.pid], 'SIGKILL');
    }
  });
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
    process.once(signal, () => {
      console.error(`\n${signal}: ending everything the harness started…`);
      void cleanUpAndExit(130);
    });
  }
  process.on('uncaughtException', (error) => {
    console.error(error);
    void cleanUpAndExit(1);
  });
  process.on('unhandledRejection', (error) => {
    console.error(error);
    void cleanUpAndExit(1);
  });
}

let cleaningUp = false;

/** True once a signal or an unhandled error started the final cleanup: the launcher should not exit on its own. */
export function isCleaningUp() {
  return cleaningUp;
}

/** @param {number} code */
async function cleanUpAndExit(code) {
  if (cleaningUp) return;
  cleaningUp = true;
  const cleanups = [...asyncCleanups].map((cleanup) => cleanup().catch(() => undefined));
  await Promise.race([Promise.all(cleanups), delay(5000)]);
  await Promise.all([...running].map((child) => stopGroup(child, 2000)));
  process.exit(code);
}
