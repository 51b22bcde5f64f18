/**
 * `node --import tsx bench/steps.ts [scenario|preset …] [--seconds N] [--repeat R]`: ns per fast step of a shipped
 * scenario (after its actions up to `--skip` s have run) or a preset at rest, measured in process CPU time (user +
 * system), which a busy machine disturbs less than wall time. Prints the median of R repeats. For profiling:
 * `node --cpu-prof --import tsx bench/steps.ts adult-vv-ecmo`. `--split`: see `split` below. A benchmark, not a timed test.
 */
import { builtinScenarioNames, loadScenario } from "../src/io/scenario-files.ts";
import { simulationFromScenario } from "../src/scenario/simulation.ts";
import { createSimulation, PATIENT_PRESETS, patientFromPreset } from "../src/sim/index.ts";
import { DT } from "../src/sim/patient/model.ts";
import type { Simulation } from "../src/sim/simulation.ts";
import { takePositiveOption } from "./options.ts";

const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => takePositiveOption(args, name, fallback);
const seconds = option("--seconds", 120);
const repeat = option("--repeat", 5);
const skip = option("--skip", 900);
const splitMode = args.includes("--split");
if (splitMode) args.splice(args.indexOf("--split"), 1);
const names =
  args.length > 0 ? args : ["neonate", "adult-male", "adult-cpb-cabg", "adult-vv-ecmo", "adult-va-ecmo"];

function simFor(name: string): Simulation {
  if ((PATIENT_PRESETS as readonly string[]).includes(name)) {
    const sim = createSimulation({ patient: patientFromPreset(name as never), seed: 1 });
    sim.advance(60);
    return sim;
  }
  if (!builtinScenarioNames().includes(name)) throw new Error(`unknown scenario or preset ${name}`);
  const sc = loadScenario(name);
  const sim = simulationFromScenario(sc);
  sim.advance(Math.min(skip, (sc.durationS ?? 600) - 1));
  return sim;
}

/**
 * `--split`: time the fast loop (20 steps) and the slow step separately, interleaved as the model runs them (private
 * methods reached from JS), and print their ratio, which a loaded machine disturbs far less than either time.
 */
function split(name: string, sim: Simulation): void {
  const model = (
    sim as unknown as { model: { fast(k: number): void; slowStep(): void; run(n: number): void } }
  ).model;
  // Align on a slow-step boundary first.
  model.run(20 - (Math.round(sim.timeS / DT) % 20 || 20));
  const n = Math.round(seconds / DT / 20);
  const ratios: number[] = [];
  const fastNs: number[] = [];
  for (let r = 0; r < repeat; r++) {
    let tf = 0n;
    let ts = 0n;
    for (let i = 0; i < n; i++) {
      const t0 = process.hrtime.bigint();
      model.fast(20);
      const t1 = process.hrtime.bigint();
      model.slowStep();
      const t2 = process.hrtime.bigint();
      tf += t1 - t0;
      ts += t2 - t1;
    }
    ratios.push(Number(ts) / Number(tf));
    fastNs.push(Number(tf) / (n * 20));
  }
  ratios.sort((a, b) => a - b);
  fastNs.sort((a, b) => a - b);
  const med = (x: number[]) => x[Math.floor(x.length / 2)]!;
  console.log(
    `${name.padEnd(24)} slow/fast time ${med(ratios).toFixed(3)} (min ${ratios[0]!.toFixed(3)})  fast ${med(fastNs).toFixed(0)} ns/step (min ${fastNs[0]!.toFixed(0)})  slow ≈ ${((med(ratios) * fastNs[0]! * 20) / 1000).toFixed(1)} µs per slow step at the fastest fast loop`,
  );
}

for (const name of names) {
  const sim = simFor(name);
  if (splitMode) {
    split(name, sim);
    continue;
  }
  const ns: number[] = [];
  for (let r = 0; r < repeat; r++) {
    const c0 = process.cpuUsage();
    sim.advance(seconds);
    const c = process.cpuUsage(c0);
    ns.push(((c.user + c.system) * 1000) / Math.round(seconds / DT));
  }
  ns.sort((a, b) => a - b);
  const med = ns[Math.floor(ns.length / 2)]!;
  console.log(
    `${name.padEnd(24)} ${med.toFixed(0).padStart(6)} ns/step  ${(1e6 / med).toFixed(0).padStart(5)}× real time  (min ${ns[0]!.toFixed(0)}, max ${ns[ns.length - 1]!.toFixed(0)})`,
  );
}
