import { describe, expect, it } from "vitest";
import { createSimulation, patientFromPreset, type Simulation } from "../../src/sim/index.ts";

function ventilated(peepCmH2O: number, mode: "controlled" | "off" = "controlled"): Simulation {
  const sim = createSimulation({ patient: patientFromPreset("adult-male"), seed: 1 });
  sim.advance(60);
  sim.schedule({ t: sim.timeS, type: "ventilator.set", mode, peepCmH2O });
  sim.advance(120);
  return sim;
}
const read = (sim: Simulation, name: string) => sim.read(sim.signalIndex(name));

describe("PEEP and the circulation (heart–lung interaction)", () => {
  it("PEEP 15 cmH2O lowers cardiac output and raises CVP; the reflex raises heart rate", () => {
    // Direction as in Jardin et al., N Engl J Med 1981;304:387 (PEEP lowered cardiac output by lowering venous
    // return); the size follows from the pleural transmission (0.5) of 15 cmH2O = 5.5 mmHg around the heart.
    const zero = ventilated(0);
    const fifteen = ventilated(15);
    expect(read(fifteen, "patient.co")).toBeLessThan(read(zero, "patient.co") * 0.95);
    expect(read(fifteen, "patient.cvp")).toBeGreaterThan(read(zero, "patient.cvp") + 3);
    expect(read(fifteen, "patient.hr")).toBeGreaterThan(read(zero, "patient.hr"));
  });

  it("the effect grows with PEEP and disappears when the ventilator is off", () => {
    const co = [0, 5, 10, 15].map((p) => read(ventilated(p), "patient.co"));
    for (let i = 1; i < co.length; i++) expect(co[i]!).toBeLessThan(co[i - 1]!);
    const off = ventilated(15, "off");
    const none = ventilated(0, "off");
    expect(read(off, "patient.cvp")).toBeCloseTo(read(none, "patient.cvp"), 9);
  });
});
