/**
 * Allocation probe, run by engine.test.ts in a plain `node --expose-gc --import tsx` child process so
 * the measurement sees the real runtime (not the test runner's module transform). Prints JSON with
 * the heap growth (bytes) over 100k fast steps: network + heart alone, and the whole model.
 */
import { stepNetwork } from "../../src/sim/engine/network.ts";
import { PatientModel } from "../../src/sim/patient/model.ts";
import { patientFromPreset } from "../../src/sim/patient/spec.ts";

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
process.stdout.write(JSON.stringify({ fast, full }));
