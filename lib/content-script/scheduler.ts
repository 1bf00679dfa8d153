/*
 * Runs a page read when the page is idle, at most once per burst of changes: a short debounce
 * (so a re-render's hundred mutations cost one read), then requestIdleCallback (so the read
 * never competes with the host's own work), with a cap on how long a busy page can defer it.
 */
export interface IdleScheduler {
  schedule(): void;
  /** Runs the pending read now (before answering the panel). */
  flush(): void;
}

export function createIdleScheduler(
  win: Window,
  signal: AbortSignal,
  run: () => void,
  { debounceMs = 150, maxWaitMs = 1000 }: { debounceMs?: number; maxWaitMs?: number } = {},
): IdleScheduler {
  let timer: number | undefined;
  let idle: number | undefined;
  let firstAt = 0;
  const hasIdle = typeof win.requestIdleCallback === 'function';

  const clear = () => {
    if (timer !== undefined) win.clearTimeout(timer);
    if (idle !== undefined && hasIdle) win.cancelIdleCallback(idle);
    else if (idle !== undefined) win.clearTimeout(idle);
    timer = idle = undefined;
  };
  const fire = () => {
    clear();
    firstAt = 0;
    if (!signal.aborted) run();
  };
  signal.addEventListener('abort', clear);

  return {
    schedule() {
      if (signal.aborted) return;
      const now = Date.now();
      if (firstAt === 0) firstAt = now;
      // A page that keeps changing still gets read once maxWaitMs have passed.
      const wait = Math.max(0, Math.min(debounceMs, firstAt + maxWaitMs - now));
      clear();
      timer = win.setTimeout(() => {
        timer = undefined;
        idle = hasIdle ? win.requestIdleCallback(fire, { timeout: maxWaitMs }) : win.setTimeout(fire, 0);
      }, wait);
    },
    flush() {
      if (timer !== undefined || idle !== undefined) fire();
    },
  };
}
