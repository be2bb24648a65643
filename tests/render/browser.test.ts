// Starting Chromium for the PDF (src/render/browser.ts): from any folder,
// without touching the network, and saying why when it will not start.
// Real Chromium, real fake executables (shell scripts), real strace.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { chmod, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../src/render/browser.js';
import { ROOT, runTool, tempDir } from '../helpers.js';

const BUNDLE = path.join(ROOT, 'node_modules', '.cache', 'dossier', 'cli.js');
const SEEDS = path.join(ROOT, 'seeds');

/** Runs a command in `cwd`, as a user in another folder would. */
function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  return new Promise<{ code: number; stderr: string }>((resolve) => {
    execFile(command, args, { cwd: options.cwd ?? ROOT, env: options.env ?? process.env, maxBuffer: 64 * 1024 * 1024 }, (error, _stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stderr });
    });
  });
}

let scratch: string;
beforeAll(async () => {
  // The tests run the command as `npm run build` does: the bundle, made again when src/ changed.
  const bundled = await runTool('bash', [path.join(ROOT, 'scripts', 'bundle.sh')]);
  expect(bundled.code, bundled.stderr).toBe(0);
  scratch = await tempDir('dossier-browser-');
}, 120_000);
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('the bundled command run from another folder', () => {
  it('finds Chromium from its own location, not the working directory', async () => {
    const out = path.join(scratch, 'elsewhere-out');
    // The project's .puppeteerrc.cjs is what names the system Chromium here, not the environment.
    const env = { ...process.env };
    delete env.PUPPETEER_EXECUTABLE_PATH;
    const result = await run(process.execPath, [BUNDLE, '--input', SEEDS, '--out', out, '--formats', 'pdf'], { cwd: scratch, env });
    expect(result.code, result.stderr).toBe(0);
    expect((await runTool('pdfinfo', [path.join(out, 'dossier.pdf')])).stdout).toMatch(/^Pages:\s+11$/m);
  });
});

/** A stand-in for Chromium: a shell script. */
async function fakeChromium(name: string, script: string): Promise<string> {
  const file = path.join(scratch, name);
  await writeFile(file, `#!/bin/sh\n${script}\n`);
  await chmod(file, 0o755);
  return file;
}

async function startError(executablePath: string, startTimeoutMs?: number): Promise<string> {
  const error = await launchBrowser({ executablePath, ...(startTimeoutMs ? { startTimeoutMs } : {}) }).then(
    () => undefined,
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(Error);
  return (error as Error).message;
}

describe('a Chromium that will not start', () => {
  it('says how it ended, its exit code and what it printed', async () => {
    const fake = await fakeChromium('exits', 'echo "Segmentation fault at 0xdeadbeef"\necho "\x1b[31mjunk\x1b[0m" >&2\nexit 3');
    const message = await startError(fake);
    expect(message).not.toMatch(/object Object/);
    expect(message).toContain(`Chromium at ${fake}`);
    expect(message).toMatch(/exited with code 3 before it was ready/);
    expect(message).toMatch(/Segmentation fault at 0xdeadbeef/);
    // Escape codes from the junk are not passed on to the terminal.
    expect(message).not.toContain('\x1b');
    expect(message).toMatch(/\?\[31mjunk/);
    expect(message).toMatch(/apt-get install chromium|PUPPETEER_EXECUTABLE_PATH/);
  });

  it('gives the connection error, not [object Object], when the address it prints leads nowhere', async () => {
    // Port 9 on loopback: nothing listens there, so the WebSocket's error event is what Puppeteer throws.
    const fake = await fakeChromium('dead-address', 'echo "DevTools listening on ws://127.0.0.1:9/devtools/browser/x" >&2\nexec sleep 60');
    const message = await startError(fake);
    expect(message).not.toMatch(/object Object/);
    expect(message).toMatch(/could not connect to it \(.*ECONNREFUSED 127\.0\.0\.1:9\)/);
    expect(message).toMatch(/was still running, and was stopped/);
  });

  it('stops one that says nothing, and says so', async () => {
    const marker = path.join(scratch, 'silent-ran');
    const fake = await fakeChromium('silent', `echo $$ > ${marker}\nexec sleep 60`);
    const message = await startError(fake, 1_000);
    expect(message).toMatch(/did not say it was ready within 1 s, so it was stopped; it printed nothing/);
    const pid = Number((await readFile(marker, 'utf8')).trim());
    await expect.poll(() => alive(pid), { timeout: 10_000 }).toBe(false);
  });

  it('names the variable the path came from, through the command', async () => {
    const fake = await fakeChromium('env-exits', 'echo "not a browser"\nexit 7');
    const result = await run(process.execPath, [BUNDLE, '--input', SEEDS, '--out', path.join(scratch, 'env-out'), '--formats', 'pdf'], {
      env: { ...process.env, PUPPETEER_EXECUTABLE_PATH: fake },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Chromium at ${fake} (from PUPPETEER_EXECUTABLE_PATH) would not start: it exited with code 7`);
    expect(result.stderr).toContain('not a browser');
  });
});

describe('without setpriv (as on macOS)', () => {
  it('starts Chromium directly, prints, and ends all its processes and its profile on close', async () => {
    const browser = await launchBrowser({ setpriv: false });
    const session = await browser.target().createCDPSession();
    const { arguments: args } = await session.send('Browser.getBrowserCommandLine');
    const profile = args.find((arg) => arg.startsWith('--user-data-dir='))!.slice('--user-data-dir='.length);
    const page = await browser.newPage();
    await page.setContent('<p>Printed</p>');
    expect(Buffer.from(await page.pdf()).subarray(0, 5).toString()).toBe('%PDF-');
    await browser.close();
    await expect.poll(() => processesMentioning(profile), { timeout: 10_000 }).toEqual([]);
    await expect.poll(() => existsSync(profile), { timeout: 10_000 }).toBe(false);
  });
});

describe('profiles a killed build left', () => {
  it('are removed when the next Chromium starts, and a running one is kept', async () => {
    const { mkdir, symlink, utimes } = await import('node:fs/promises');
    const os = await import('node:os');
    const stale = path.join(os.tmpdir(), `dossier-chromium-stale${process.pid}`);
    const unlocked = path.join(os.tmpdir(), `dossier-chromium-unlocked${process.pid}`);
    const running = path.join(os.tmpdir(), `dossier-chromium-running${process.pid}`);
    for (const dir of [stale, unlocked, running]) await mkdir(dir, { recursive: true });
    // Chromium's lock names host and process: 4194999 is beyond Linux's largest process id.
    await symlink('somehost-4194999', path.join(stale, 'SingletonLock'));
    await symlink(`somehost-${process.pid}`, path.join(running, 'SingletonLock'));
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    await utimes(unlocked, twoHoursAgo, twoHoursAgo);
    const browser = await launchBrowser();
    await browser.close();
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(unlocked)).toBe(false);
    expect(existsSync(running)).toBe(true);
    await rm(running, { recursive: true, force: true });
  });
});

function processesMentioning(marker: string): string[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker);
      } catch {
        return false;
      }
    });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * What a traced run sent off the machine, from `strace -f -yy` output: DNS
 * queries (anything to port 53, loopback included, since with no resolver
 * configured glibc asks 127.0.0.1), TCP connections and datagrams to any
 * address but loopback. A UDP connect() alone sends nothing (the kernel only
 * looks up a route; Chromium's IPv6 reachability check does this), so it is
 * not counted; anything then sent on it is.
 */
function contacts(trace: string): string[] {
  const found: string[] = [];
  const loopback = (address: string) => /^(127\.|::1$|::ffff:127\.)/.test(address);
  for (const line of trace.split('\n')) {
    const call = /^\d+\s+(connect|sendto|sendmsg|sendmmsg)\(\d+<([A-Z]+)(?:v6)?:\[(.*?)\]>/.exec(line);
    if (!call) continue;
    const [, syscall, kind, ends] = call as unknown as [string, string, string, string];
    if (kind !== 'TCP' && kind !== 'UDP') continue;
    // The destination: an address argument, or the connected socket's far end.
    const argument =
      /sin_port=htons\((\d+)\), sin_addr=inet_addr\("([^"]+)"\)/.exec(line) ?? /sin6_port=htons\((\d+)\).*inet_pton\(AF_INET6, "([^"]+)"/.exec(line);
    const far = /->\[?(.+?)\]?:(\d+)$/.exec(ends);
    const [address, port] = argument ? [argument[2]!, Number(argument[1])] : far ? [far[1]!, Number(far[2])] : [undefined, undefined];
    // A send whose destination strace could not show is counted: it may have gone anywhere.
    if (address === undefined) {
      if (syscall !== 'connect') found.push(`${syscall} ${kind} to an address not shown (${ends})`);
      continue;
    }
    const dns = port === 53;
    if (syscall === 'connect' && kind === 'UDP' && !dns) continue;
    if (dns || !loopback(address)) found.push(`${syscall} ${kind} ${address}:${port}${dns ? ` (DNS${dnsName(line)})` : ''}`);
  }
  return [...new Set(found)];
}

/** The name asked for, when the traced line shows a DNS query's bytes. */
function dnsName(line: string): string {
  // Each label is preceded by its length, which strace prints as an escape (\7, \16, \n).
  const query = /((?:\\(?:\d{1,3}|[ntvfr])[A-Za-z0-9-]+)+)\\0/.exec(line);
  if (!query?.[1]) return '';
  return ` ${query[1].replace(/^\\(?:\d{1,3}|[ntvfr])/, '').replace(/\\(?:\d{1,3}|[ntvfr])/g, '.')}`;
}

async function traced(args: string[]): Promise<{ code: number; stderr: string; trace: string }> {
  const file = path.join(scratch, `trace-${Math.random().toString(36).slice(2)}.txt`);
  const result = await run('strace', ['-f', '-qq', '-yy', '-s', '64', '-e', 'trace=connect,sendto,sendmsg,sendmmsg', '-o', file, ...args]);
  return { ...result, trace: await readFile(file, 'utf8').catch(() => '') };
}

describe('a PDF build and the network', () => {
  it('the watch sees a DNS query when one is made', async () => {
    // The control: a name lookup by Node, under the same watch (.invalid: the resolver answers at once).
    const { trace } = await traced([process.execPath, '-e', "require('node:dns').lookup('dossier-canary.invalid', () => {})"]);
    expect(contacts(trace).join('\n')).toMatch(/\(DNS dossier-canary\.invalid\)/);
  });

  it('makes no DNS query and connects to nothing but loopback', async () => {
    const result = await traced([process.execPath, BUNDLE, '--input', SEEDS, '--out', path.join(scratch, 'offline-out'), '--formats', 'pdf']);
    expect(result.code, result.stderr).toBe(0);
    // The build did talk to its Chromium, over loopback: the watch was watching.
    expect(result.trace).toMatch(/connect\(\d+<TCP:\[\d+\]>, \{sa_family=AF_INET, sin_port=htons\(\d+\), sin_addr=inet_addr\("127\.0\.0\.1"\)/);
    expect(contacts(result.trace)).toEqual([]);
  });
});
