/**
 * Console work per display frame (ms): time spent handling worker frames (alarms, trends, numbers)
 * plus drawing the waveforms, summed per requestAnimationFrame. The browser test reads the recent
 * samples from `window.__perfuseFrameWork` to report a p95 next to the rAF interval.
 */
const N = 4096;
const samples = new Float32Array(N);
let count = 0;
let pending = 0;

export function addWork(ms: number): void {
  pending += ms;
}

/** Called once per animation frame with that frame's drawing time. */
export function endFrame(drawMs: number): void {
  samples[count % N] = pending + drawMs;
  count++;
  pending = 0;
}

export function recentFrameWork(): number[] {
  const n = Math.min(count, N);
  const out: number[] = [];
  for (let i = count - n; i < count; i++) out.push(samples[i % N]!);
  return out;
}

(globalThis as unknown as { __perfuseFrameWork?: () => number[] }).__perfuseFrameWork = recentFrameWork;
