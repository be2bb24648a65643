// The peak resident memory of each process a build starts (Chromium's
// browser, renderer, GPU and utility processes), read from /proc while it
// runs. The kernel keeps each process's own peak (VmHWM), so a sample every
// few hundred milliseconds finds it, short of the last growth of a process
// that exits between two samples. Linux only: elsewhere nothing is measured.
import { readdirSync, readFileSync } from 'node:fs';

export interface ProcessPeak {
  pid: number;
  /** The program, and for Chromium the kind of process: "chromium (renderer)". */
  name: string;
  peakBytes: number;
}

function read(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** `root` and every process under it, found by their parents in /proc/PID/stat. */
function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = read(`/proc/${entry}/stat`);
    // The command name is in brackets and may hold spaces: the fields after it are fixed.
    const parent = stat ? Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) : Number.NaN;
    if (Number.isFinite(parent)) children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
  }
  const found = [root];
  const queue = [root];
  while (queue.length) for (const child of children.get(queue.shift()!) ?? []) queue.push(child), found.push(child);
  return found;
}

function nameOf(pid: number): string {
  // Chromium rewrites its command line as one string with spaces, so both separators count.
  const command = (read(`/proc/${pid}/cmdline`) ?? '').split(/[\0 ]/);
  const program = (command[0] ?? '').split('/').at(-1) || (read(`/proc/${pid}/comm`) ?? '?').trim();
  const type = command.find((arg) => arg.startsWith('--type='))?.slice('--type='.length);
  return type ? `${program} (${type})` : program;
}

/** Samples `root` and the processes under it until stopped; `stop()` gives each one's peak, highest first. */
export function watchProcessMemory(root: number, everyMs = 250): { stop(): ProcessPeak[] } {
  const peaks = new Map<number, ProcessPeak>();
  const sample = () => {
    if (process.platform !== 'linux') return;
    for (const pid of descendants(root)) {
      const peak = /^VmHWM:\s+(\d+) kB/m.exec(read(`/proc/${pid}/status`) ?? '');
      if (!peak) continue;
      const bytes = Number(peak[1]) * 1024;
      const known = peaks.get(pid);
      if (known) known.peakBytes = Math.max(known.peakBytes, bytes);
      else peaks.set(pid, { pid, name: nameOf(pid), peakBytes: bytes });
    }
  };
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return [...peaks.values()].sort((a, b) => b.peakBytes - a.peakBytes);
    },
  };
}
