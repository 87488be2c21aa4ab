// Runs `work` once the next frame has been painted. A requestAnimationFrame callback runs
// *before* its frame's paint, so work scheduled there would delay the very rows it follows;
// a task queued from it runs after that paint. Returns a cancel function (for $effect teardown).
export function afterPaint(work: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(work, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    if (timer !== undefined) clearTimeout(timer);
  };
}
