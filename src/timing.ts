// One way to time a piece of work and report it: the build's stages, the
// steps inside enrichment and inside the PDF writer.

/** Told how long a step took, for the benchmark. */
export type StepTimer = (step: string, milliseconds: number) => void;

/** Runs `work`, synchronous or not, then reports how long it took and what it gave. */
export async function timed<T>(work: () => Promise<T> | T, report: (milliseconds: number, result: T) => void): Promise<T> {
  const start = performance.now();
  const result = await work();
  report(performance.now() - start, result);
  return result;
}

/** `timed` for named steps reported to one StepTimer. */
export function timer(report: StepTimer) {
  return <T>(name: string, work: () => Promise<T> | T): Promise<T> => timed(work, (milliseconds) => report(name, milliseconds));
}

/** `timer` for work that is synchronous and must stay so (enrichment's steps). */
export function syncTimer(report: StepTimer) {
  return <T>(name: string, work: () => T): T => {
    const start = performance.now();
    const result = work();
    report(name, performance.now() - start);
    return result;
  };
}
