/**
 * Allocation probe, run by engine.test.ts in a plain `node --expose-gc --import tsx` child process so
 * the measurement sees the real runtime (not the test runner's module transform). Prints JSON with
 * the heap growth (bytes) over 100k fast steps: network + heart alone, and the whole model.
 *
 * `alloc-probe.ts --steady <case>` (alloc.test.ts): the whole step loop (fast and slow) of one case — a preset at rest
 * or a shipped scenario run to a time on bypass / on ECMO — warmed up, then measured over STEADY_STEPS fast steps.
 * Run with `--min-semi-space-size=64 --max-semi-space-size=64` so the young generation holds everything the window
 * could allocate: heap growth is then the bytes allocated, garbage included. Prints {bytes, steps, gcs}; gcs counts
 * collections during the window (a collection would hide garbage, so the test requires 0).
 */
import { PerformanceObserver } from "node:perf_hooks";
import { loadScenario } from "../../src/io/scenario-files.ts";
import { simulationFromScenario } from "../../src/scenario/simulation.ts";
import adultCircuit from "../../src/sim/circuit/fixtures/adult-cpb.json" with { type: "json" };
import { stepNetwork } from "../../src/sim/engine/network.ts";
import { createSimulation } from "../../src/sim/index.ts";
import { PatientModel } from "../../src/sim/patient/model.ts";
import { patientFromPreset } from "../../src/sim/patient/spec.ts";
import type { PatientSimulation } from "../../src/sim/simulation.ts";

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with --expose-gc");

function growth(f: () => void): number {
  f();
  f();
  gc!();
  const before = process.memoryUsage().heapUsed;
  f();
  return process.memoryUsage().heapUsed - before;
}

/** Steady-state cases: a preset at rest, or a scenario advanced (with its actions) to a time on the circuit. */
const STEADY: Record<string, { preset?: string; scenario?: string; atS: number; fastForward?: boolean }> = {
  "neonate at rest": { preset: "neonate", atS: 60 },
  "adult at rest": { preset: "adult-male", atS: 60 },
  // Full bypass at 32 °C, cross-clamped, cardioplegic arrest, vent and suckers running (scenario time 1300 s).
  "adult-cpb-cabg on bypass": { scenario: "adult-cpb-cabg", atS: 1300 },
  // VV ECMO at ~4.5 L/min, lungs rested, sweep 3.5 L/min (scenario time 1000 s).
  "adult-vv-ecmo on ECMO": { scenario: "adult-vv-ecmo", atS: 1000 },
  // VA ECMO (scenario time 1000 s).
  "adult-va-ecmo on ECMO": { scenario: "adult-va-ecmo", atS: 1000 },
  // Fast-forward (fast-forward.ts): windows of the full model and 0.2 s coast steps; 200 000 steps' worth of time.
  "adult at rest, fast-forward": { preset: "adult-male", atS: 60, fastForward: true },
  "adult-vv-ecmo on ECMO, fast-forward": { scenario: "adult-vv-ecmo", atS: 1000, fastForward: true },
};
const STEADY_STEPS = 200_000;
/**
 * Fast-forward runs the slow loop about ten times less often per simulated second and coasts most of the time: the
 * rarely called functions need ten times the simulated warm-up to be optimised, and the window (a few 60 s coasts and
 * their 2 s full-model windows) is ten times longer so the measured mix is the long-run one.
 */
const FF_FACTOR = 10;

async function steady(name: string): Promise<void> {
  const c = STEADY[name];
  if (!c) throw new Error(`unknown case ${name}`);
  let sim: PatientSimulation;
  if (c.scenario) {
    sim = simulationFromScenario(loadScenario(c.scenario), {
      fastForward: c.fastForward === true,
    }) as PatientSimulation;
  } else {
    sim = createSimulation({
      patient: patientFromPreset(c.preset as never),
      seed: 1,
      ...(c.fastForward ? { fastForward: true } : {}),
    }) as PatientSimulation;
  }
  sim.advance(c.atS);
  // Warm-up without actions (the optimising compiler settles), then the measured window: model steps only.
  const model = sim.model;
  const k = c.fastForward ? FF_FACTOR : 1;
  const steps = k * STEADY_STEPS;
  model.run(Number(process.argv[4] ?? 3 * steps));
  // Three windows in a row; the least garbage is reported: a late JIT event (a function deoptimised and re-optimised
  // within a window, seen once in tens of runs under load) is not the steady state, while a real allocation per step
  // shows in every window. A window with a collection is not counted (gcs counts them; the test requires a clean one).
  let best = Number.POSITIVE_INFINITY;
  let gcs = 0;
  for (let w = 0; w < 3; w++) {
    let g = 0;
    const obs = new PerformanceObserver((list) => {
      g += list.getEntries().length;
    });
    gc!();
    await new Promise((r) => setImmediate(r));
    obs.observe({ entryTypes: ["gc"] });
    const before = process.memoryUsage().heapUsed;
    model.run(steps);
    const bytes = process.memoryUsage().heapUsed - before;
    await new Promise((r) => setTimeout(r, 20));
    obs.disconnect();
    if (g === 0 && bytes < best) best = bytes;
    gcs += g;
  }
  // gcs: 0 when every window was clean; the test needs at least one clean window (best finite).
  process.stdout.write(
    JSON.stringify({ bytes: Number.isFinite(best) ? best : -1, steps, gcs: Number.isFinite(best) ? 0 : gcs }),
  );
}

if (process.argv[2] === "--steady") {
  await steady(process.argv[3]!);
  process.exit(0);
}

const preset = process.argv[2] ?? "adult-male";
const m = new PatientModel(patientFromPreset(preset), 1);
const fast = growth(() => {
  for (let s = 0; s < 100_000; s++) {
    m.heart.step(m.net.E, 0.001);
    stepNetwork(m.net);
  }
});
const m2 = new PatientModel(patientFromPreset(preset), 1);
const full = growth(() => m2.run(100_000));
// With the adult circuit on full bypass (pump, oxygenator exchange every 100 ms, interlocks, cardioplegia).
let cpb = 0;
if (preset === "adult-male") {
  const sim = createSimulation({
    patient: patientFromPreset(preset),
    seed: 1,
    circuit: adultCircuit,
  }) as PatientSimulation;
  const t = sim.timeS;
  sim.schedule({ t, type: "clamp.set", clamp: "arterialLine", occlusion: 0 });
  sim.schedule({ t, type: "clamp.set", clamp: "venousLine", occlusion: 0 });
  sim.schedule({ t, type: "arterialPump.setFlow", flowLPerMin: 4.8 });
  sim.schedule({ t: t + 5, type: "cardioplegia.deliver", volumeMl: 1000 });
  sim.advance(10);
  cpb = growth(() => sim.model.run(100_000));
}
process.stdout.write(JSON.stringify({ fast, full, cpb }));
