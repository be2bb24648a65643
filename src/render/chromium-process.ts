// Starting Chromium as a child that cannot outlive the build. Puppeteer's own
// launcher kills Chromium only from an 'exit' handler, which a SIGKILL of Node
// never runs: Chromium, in a process group of its own, was left running.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';

export interface ChromiumProcess {
  /** The DevTools address Chromium printed once it was ready. */
  endpoint: string;
  /** Kills Chromium and its helpers (the whole process group) and removes its profile. Safe to call twice. */
  stop(): void;
  /** Once it was asked to close: lets it end by itself (it removes its own temporary files) for a moment, then stops it. */
  stopSoon(): void;
  /** What Chromium printed last, for messages. */
  output(): string[];
  /** How it ended, once it has: "exited with code 3", "was killed by SIGSEGV". */
  ended(): string | undefined;
}

export interface StartOptions {
  /** Its profile folder: removed when Chromium is stopped. */
  profile: string;
  /** How long Chromium may take to say it is ready. */
  timeoutMs: number;
  /** `setpriv` to launch through (Linux), or false not to; found on the system when not given. */
  setpriv?: string | false;
}

/** Thrown when Chromium does not get as far as printing its DevTools address. */
export class ChromiumStartError extends Error {
  constructor(
    readonly reason: string,
    readonly printed: string[],
  ) {
    super(reason);
  }
}

const READY = /^DevTools listening on (ws:\/\/\S+)/;
const CLOSE_GRACE_MS = 3000;
const KEPT_LINES = 20;

export function startChromium(executable: string, args: string[], options: StartOptions): Promise<ChromiumProcess> {
  const setpriv = options.setpriv ?? systemSetpriv();
  // On Linux the kernel kills Chromium the moment Node dies, however it dies (PR_SET_PDEATHSIG).
  // The shell between setpriv and Chromium gives up if Node died before the signal was armed.
  const [command, commandArgs] = setpriv
    ? [setpriv, ['--pdeathsig', 'KILL', '--', '/bin/sh', '-c', '[ "$PPID" = "$1" ] || exit 1; shift; exec "$@"', 'sh', String(process.pid), executable, ...args]]
    : [executable, args];
  // Detached: its own process group, so one kill reaches every Chromium process, and
  // Ctrl+C at a terminal reaches Node first, which removes half-written files, then stops Chromium.
  const child = spawn(command, commandArgs, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const printed: string[] = [];
  let ending: string | undefined;
  let stopped = false;

  const stop = () => {
    if (stopped) return;
    stopped = true;
    unwatchNode();
    // The whole group, even once the first process has exited: its helpers may linger.
    if (child.pid !== undefined) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // No process is left in the group.
      }
    }
    rmSync(options.profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 20 });
  };
  const unwatchNode = stopWithNode(stop);
  let grace: NodeJS.Timeout | undefined;
  const stopSoon = () => {
    grace ??= setTimeout(stop, CLOSE_GRACE_MS);
  };
  child.once('exit', (code, signal) => {
    ending = signal ? `was killed by ${signal}` : `exited with code ${code}`;
    clearTimeout(grace);
    stop();
  });

  return new Promise((resolve, reject) => {
    const fail = (reason: string) => {
      clearTimeout(timer);
      stop();
      reject(new ChromiumStartError(reason, [...printed]));
    };
    const timer = setTimeout(() => fail(`it did not say it was ready within ${Math.round(options.timeoutMs / 1000)} s, so it was stopped`), options.timeoutMs);
    // Both streams are read to the end: a pipe nobody reads would block Chromium once full.
    for (const stream of [child.stdout, child.stderr]) {
      let partial = '';
      stream?.setEncoding('utf8');
      stream?.on('data', (chunk: string) => {
        const lines = (partial + chunk).split(/\r?\n/);
        partial = lines.pop() ?? '';
        for (const line of lines) {
          if (!line.trim()) continue;
          printed.push(printable(line));
          if (printed.length > KEPT_LINES) printed.shift();
          const ready = READY.exec(line);
          if (ready?.[1]) {
            clearTimeout(timer);
            resolve({ endpoint: ready[1], stop, stopSoon, output: () => [...printed], ended: () => ending });
          }
        }
      });
    }
    child.once('error', (error: NodeJS.ErrnoException) => fail(`it could not be run (${error.code ?? error.message})`));
    child.once('exit', () => {
      // Output still buffered in the pipes is read first.
      setImmediate(() => fail(`it ${ending} before it was ready`));
    });
  });
}

/** Control characters and overlong lines from whatever the executable printed, made safe to show. */
function printable(line: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = line.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '?');
  return clean.length > 300 ? `${clean.slice(0, 300)}…` : clean;
}

/** Stops Chromium when Node exits, or is stopped by a signal nobody else handles. Returns the undo. */
function stopWithNode(stop: () => void): () => void {
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  const onSignal = (signal: NodeJS.Signals) => {
    // Another handler (the build's clean-up, --watch) exits or closes the browser itself.
    if (process.listenerCount(signal) > 1) return;
    stop();
    // Then die of the signal as Node would have without this handler.
    process.kill(process.pid, signal);
  };
  process.on('exit', stop);
  for (const signal of signals) process.on(signal, onSignal);
  return () => {
    process.off('exit', stop);
    for (const signal of signals) process.off(signal, onSignal);
  };
}

let setprivFound: string | false | undefined;

/** util-linux's setpriv, when it can set a parent-death signal (Linux only; not on macOS). */
function systemSetpriv(): string | false {
  if (setprivFound !== undefined) return setprivFound;
  setprivFound = false;
  if (process.platform !== 'linux' || !existsSync('/bin/sh')) return setprivFound;
  for (const candidate of ['/usr/bin/setpriv', '/bin/setpriv']) {
    if (!existsSync(candidate)) continue;
    const help = spawnSync(candidate, ['--help'], { encoding: 'utf8' });
    if (help.stdout?.includes('--pdeathsig')) return (setprivFound = candidate);
  }
  return setprivFound;
}
