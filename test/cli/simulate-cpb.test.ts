/** `perfuse simulate` with the shipped CPB scenarios: they run start to finish and summarise the circuit signals. */
import { describe, expect, it } from "vitest";
import { ISSUE4_CIRCUIT_SIGNAL_UNITS } from "../sim/cpb-helpers.ts";
import { runCli } from "./helpers.ts";

const REQUIRED = ISSUE4_CIRCUIT_SIGNAL_UNITS;

describe("perfuse simulate --scenario (CPB)", () => {
  for (const [name, durationS, cardioplegiaMl] of [
    ["adult-cpb-cabg", 7200, 2500],
    ["neonate-cpb", 5400, 70],
  ] as const) {
    it(`${name} runs start to finish (${durationS} s) with every circuit signal finite`, async () => {
      const r = await runCli(["simulate", "--scenario", name, "--sample-s", "10", "--json"]);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      const json = JSON.parse(r.stdout);
      expect(json.simulatedSeconds).toBe(durationS);
      for (const [signal, unit] of Object.entries(REQUIRED)) {
        expect(json.signals[signal]?.unit, signal).toBe(unit);
        for (const k of ["first", "last", "min", "max", "mean"])
          expect(Number.isFinite(json.signals[signal][k])).toBe(true);
      }
      // Went on bypass, delivered the scripted cardioplegia, and came off again with no air to the patient.
      expect(json.signals["circuit.arterialPump.flow"].max).toBeGreaterThan(0.5);
      expect(json.signals["circuit.arterialPump.flow"].last).toBeLessThan(0.01);
      expect(json.signals["circuit.cardioplegia.totalVolume"].last).toBeCloseTo(cardioplegiaMl, 0);
      expect(json.signals["circuit.bubbleCount"].max).toBe(0);
      // Off bypass the heart ejects again.
      expect(json.signals["patient.co"].last).toBeGreaterThan(0.5);
    });
  }
  it("a patient-only run keeps its signal list (no circuit signals)", async () => {
    const r = await runCli(["simulate", "--patient", "adult-male", "--duration-s", "5", "--json"]);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json.signals).some((k) => k.startsWith("circuit."))).toBe(false);
  });
});
