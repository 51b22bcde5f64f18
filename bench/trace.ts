/**
 * `node --import tsx bench/trace.ts out.json`: every signal of every shipped scenario (and two presets at rest)
 * every 10 simulated seconds, as JSON. `node --import tsx bench/trace.ts --compare a.json b.json` prints, per run,
 * the largest relative difference between two such traces: a check that a performance change left the results
 * unchanged (float noise only). A tool for performance work, not a test.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { builtinScenarioNames, loadScenario } from "../src/io/scenario-files.ts";
import { simulationFromScenario } from "../src/scenario/simulation.ts";
import { createSimulation, patientFromPreset } from "../src/sim/index.ts";
import type { Simulation } from "../src/sim/simulation.ts";

type Trace = Record<string, { names: string[]; rows: number[][] }>;

function record(sim: Simulation, durationS: number): { names: string[]; rows: number[][] } {
  const rows: number[][] = [];
  for (let t = 0; t < durationS; t += 10) {
    sim.advance(10);
    rows.push(sim.signals.map((_, i) => sim.read(i)));
  }
  return { names: sim.signals.map((s) => s.name), rows };
}

if (process.argv[2] === "--compare") {
  const a = JSON.parse(readFileSync(process.argv[3]!, "utf8")) as Trace;
  const b = JSON.parse(readFileSync(process.argv[4]!, "utf8")) as Trace;
  for (const run of Object.keys(a)) {
    let worst = 0;
    let where = "";
    const ra = a[run]!;
    const rb = b[run]!;
    for (let r = 0; r < ra.rows.length; r++) {
      const row = ra.rows[r]!;
      for (let i = 0; i < row.length; i++) {
        const x = row[i]!;
        const y = rb.rows[r]![i]!;
        if (x === y || (Number.isNaN(x) && Number.isNaN(y))) continue;
        const d = Math.abs(x - y) / Math.max(Math.abs(x), Math.abs(y), 1e-3);
        if (!(d <= worst)) {
          worst = d;
          where = `${ra.names[i]} at ${(r + 1) * 10} s: ${x} vs ${y}`;
        }
      }
    }
    console.log(`${run.padEnd(34)} max rel. diff ${worst.toExponential(2)}  ${where}`);
  }
} else {
  const out: Trace = {};
  for (const preset of ["neonate", "adult-male"] as const) {
    out[`${preset} at rest`] = record(createSimulation({ patient: patientFromPreset(preset), seed: 1 }), 600);
  }
  for (const name of builtinScenarioNames()) {
    const sc = loadScenario(name);
    const sim = simulationFromScenario(sc);
    out[`scenario ${name}`] = record(sim, sc.durationS ?? 600);
  }
  writeFileSync(process.argv[2] ?? "trace.json", JSON.stringify(out));
}
