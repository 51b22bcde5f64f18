/**
 * Benchmark table: reusable rows (preset or scenario) → simulated seconds, wall seconds, × real time,
 * steps per second and ns per step. Later scenarios add rows with `benchRow`.
 */
export interface BenchRow {
  name: string;
  simulatedS: number;
  wallS: number;
  steps: number;
}

/** Times `run` (which advances the simulation by `simulatedS` in `steps` fast steps). */
export function benchRow(name: string, simulatedS: number, steps: number, run: () => void): BenchRow {
  const t0 = performance.now();
  run();
  const wallS = (performance.now() - t0) / 1000;
  return { name, simulatedS, wallS, steps };
}

export function formatTable(rows: readonly BenchRow[]): string {
  const head = ["row", "simulated s", "wall s", "× real time", "steps/s", "ns/step"];
  const body = rows.map((r) => [
    r.name,
    r.simulatedS.toFixed(0),
    r.wallS.toFixed(3),
    (r.simulatedS / r.wallS).toFixed(0),
    (r.steps / r.wallS).toExponential(2),
    ((r.wallS * 1e9) / r.steps).toFixed(0),
  ]);
  const all = [head, ...body];
  const widths = head.map((_, c) => Math.max(...all.map((row) => row[c]!.length)));
  const line = (row: string[]) =>
    row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  ");
  return [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line)].join("\n");
}
