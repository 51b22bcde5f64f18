/**
 * Allocation probe, run by engine.test.ts in a plain `node --expose-gc --import tsx` child process so
 * the measurement sees the real runtime (not the test runner's module transform). Prints JSON with
 * the heap growth (bytes) over 100k fast steps: network + heart alone, and the whole model.
 */
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
