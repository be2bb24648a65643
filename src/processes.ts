// Whether a process is still running: the temporary files of a build, and
// the Chromium profile it made, are removed only once their owner is gone.
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
