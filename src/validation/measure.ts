/** Small measuring helpers shared by the validation experiments. */
import type { Simulation } from "../sim/index.ts";
import type { Measurements } from "./types.ts";

/** Reads a signal by name (validation runs are not hot loops, so the lookup by name is fine here). */
export function reader(sim: Simulation): (name: string) => number {
  return (name) => sim.read(sim.signalIndex(name));
}

/** Mean of a signal over `seconds`, sampled every 0.5 s while advancing the simulation. */
export function meanOver(sim: Simulation, name: string, seconds: number): number {
  const i = sim.signalIndex(name);
  const n = Math.round(seconds / 0.5);
  let sum = 0;
  for (let k = 0; k < n; k++) {
    sim.advance(0.5);
    sum += sim.read(i);
  }
  return sum / n;
}

/** A check's value accessor: the named measurement, NaN (so "poor") when the experiment did not produce it. */
export const measurement =
  (key: string) =>
  (m: Measurements): number =>
    m[key] ?? Number.NaN;
