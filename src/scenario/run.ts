/**
 * Runs a simulation over a timeline and samples signals at a fixed interval, streaming each sample to a
 * callback and keeping running statistics. Pure (no I/O): the CLI and the server decide where samples go.
 */
import { InputError } from "../common/errors.ts";
import type { Action, Simulation } from "../sim/index.ts";

export interface SignalSummary {
  unit: string;
  first: number;
  last: number;
  min: number;
  max: number;
  mean: number;
}

export interface RunSummary {
  simulatedSeconds: number;
  samples: number;
  signals: Record<string, SignalSummary>;
}

export interface RunOptions {
  durationS: number;
  sampleS: number;
  /** Signal names to sample; all of the simulation's signals when absent. */
  signals?: readonly string[];
  /** Called once per sample with the time (s) and the values in `signals` order; the array is reused. */
  onSample?: (timeS: number, values: Float64Array) => void;
}

/** Resolves signal names to indices; unknown names throw the simulation's InputError. */
export function selectSignals(
  sim: Simulation,
  names?: readonly string[],
): { names: string[]; units: string[]; indices: number[] } {
  const chosen = names ?? sim.signals.map((s) => s.name);
  const indices = chosen.map((n) => sim.signalIndex(n));
  return { names: [...chosen], units: indices.map((i) => sim.signals[i]!.unit), indices };
}

export function runSimulation(sim: Simulation, actions: readonly Action[], opts: RunOptions): RunSummary {
  if (!(opts.durationS > 0) || !Number.isFinite(opts.durationS)) {
    throw new InputError({
      field: "durationS",
      allowed: "a number of seconds > 0",
      received: String(opts.durationS),
    });
  }
  if (!(opts.sampleS > 0) || !Number.isFinite(opts.sampleS)) {
    throw new InputError({
      field: "sampleS",
      allowed: "a number of seconds > 0",
      received: String(opts.sampleS),
    });
  }
  for (const a of actions) sim.schedule(a);
  const { names, units, indices } = selectSignals(sim, opts.signals);
  const n = indices.length;
  const values = new Float64Array(n);
  const first = new Float64Array(n);
  const min = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const max = new Float64Array(n).fill(Number.NEGATIVE_INFINITY);
  const sum = new Float64Array(n);
  let samples = 0;
  const start = sim.timeS;
  const end = start + opts.durationS;

  const sample = () => {
    for (let k = 0; k < n; k++) {
      const v = sim.read(indices[k]!);
      if (!Number.isFinite(v)) {
        throw new Error(
          `simulation produced a non-finite value for ${names[k]} at t = ${sim.timeS.toFixed(3)} s`,
        );
      }
      values[k] = v;
      if (samples === 0) first[k] = v;
      if (v < min[k]!) min[k] = v;
      if (v > max[k]!) max[k] = v;
      sum[k]! += v;
    }
    samples++;
    opts.onSample?.(sim.timeS - start, values);
  };

  sample();
  // Sample times are start + i·sampleS computed from i (no accumulated rounding); the last sample lands on `end`.
  for (let i = 1; ; i++) {
    const target = Math.min(start + i * opts.sampleS, end);
    const step = target - sim.timeS;
    if (step > 0) sim.advance(step);
    sample();
    if (target >= end) break;
  }

  const signals: Record<string, SignalSummary> = {};
  for (let k = 0; k < n; k++) {
    signals[names[k]!] = {
      unit: units[k]!,
      first: first[k]!,
      last: values[k]!,
      min: min[k]!,
      max: max[k]!,
      mean: sum[k]! / samples,
    };
  }
  return { simulatedSeconds: sim.timeS - start, samples, signals };
}
