/**
 * `npm run bench`: every preset at rest, settled for 60 s, then N simulated seconds (default 600;
 * `npm run bench -- 3600` for an hour). Single-threaded; wall time includes the slow loop.
 */
import { createSimulation, PATIENT_PRESETS, patientFromPreset } from "../src/sim/index.ts";
import { DT } from "../src/sim/patient/model.ts";
import { type BenchRow, benchRow, formatTable } from "./table.ts";

const seconds = Number(process.argv[2] ?? 600);
const rows: BenchRow[] = [];
for (const preset of PATIENT_PRESETS) {
  const sim = createSimulation({ patient: patientFromPreset(preset), seed: 1 });
  sim.advance(60); // settle (and warm up the JIT)
  rows.push(benchRow(`${preset} at rest`, seconds, Math.round(seconds / DT), () => sim.advance(seconds)));
}
console.log(formatTable(rows));
console.log(
  `\nfast step ${DT * 1000} ms; target ≥ 1000× real time (≤ 1000 ns per step). Node ${process.version}`,
);
