/**
 * `npm run bench`: the engine (every preset at rest, settled for 60 s, then N simulated seconds; default one
 * simulated hour, `npm run bench -- 600` for less), every shipped scenario start to finish, and the planner.
 * Single-threaded; wall time includes the slow loop. Benchmarks print figures; they are not timed tests.
 */
import { builtinScenarioNames, loadScenario } from "../src/io/scenario-files.ts";
import { simulationFromScenario } from "../src/scenario/simulation.ts";
import { createSimulation, PATIENT_PRESETS, patientFromPreset } from "../src/sim/index.ts";
import { DT } from "../src/sim/patient/model.ts";
import { printPlannerBench } from "./planner.ts";
import { type BenchRow, benchRow, formatTable } from "./table.ts";

const seconds = Number(process.argv[2] ?? 3600);
if (!(seconds > 0)) throw new Error(`the simulated seconds must be a number > 0 (got ${process.argv[2]})`);

const rows: BenchRow[] = [];
for (const preset of PATIENT_PRESETS) {
  const sim = createSimulation({ patient: patientFromPreset(preset), seed: 1 });
  sim.advance(60); // settle (and warm up the JIT)
  rows.push(benchRow(`${preset} at rest`, seconds, Math.round(seconds / DT), () => sim.advance(seconds)));
}
for (const name of builtinScenarioNames()) {
  const scenario = loadScenario(name);
  const duration = scenario.durationS ?? 600;
  const sim = simulationFromScenario(scenario);
  rows.push(benchRow(`scenario ${name}`, duration, Math.round(duration / DT), () => sim.advance(duration)));
}
// Fast-forward (docs/models/engine.md): the VV ECMO scenario's circuit and timeline, run for 72 simulated hours.
{
  const hours = 72;
  const scenario = loadScenario("adult-vv-ecmo");
  const sim = simulationFromScenario(scenario, { fastForward: true });
  const s = hours * 3600;
  // One advance is at most a day (Simulation.advance).
  rows.push(
    benchRow(`fast-forward adult-vv-ecmo ${hours} h`, s, Math.round(s / DT), () => {
      for (let left = s; left > 0; left -= 86400) sim.advance(Math.min(left, 86400));
    }),
  );
}
console.log(formatTable(rows));
console.log(
  `\nfast step ${DT * 1000} ms; target ≥ 1000× real time at rest (≤ 1000 ns per step), ≥ 500× for the CPB scenarios (≤ 2000 ns); fast-forward: 72 h in < 60 s (≥ 4320×). Node ${process.version}\n`,
);
printPlannerBench();
