/** Runs `fn` once, `waitMs` after the last call: many listing edits in a row cost one site rebuild. */
export function debounce(fn: () => void, waitMs: number) {
  let timer: NodeJS.Timeout | undefined;
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(fn, waitMs);
  };
  schedule.cancel = () => clearTimeout(timer);
  return schedule;
}
