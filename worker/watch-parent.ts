// When `npm start` launched us and then died without a chance to stop us (SIGKILL), we would
// live on as an orphan. The kernel re-parents orphans, so a changed parent pid means: stop.
export function watchParent(onOrphaned: () => void, intervalMs = 1_000): void {
  if (process.env.HOOKLINE_SUPERVISED !== "1") return;
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid !== parent) {
      clearInterval(timer);
      onOrphaned();
    }
  }, intervalMs);
  timer.unref();
}
