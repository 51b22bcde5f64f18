/**
 * K⁺ and glucose in the lab draws: read from the engine signals `patient.potassium` / `patient.glucose` when the
 * simulation exposes them, "not modelled" when it does not (checked against the running simulation's signal
 * list), glucose in mmol/L with mg/dL alongside (1 mmol/L = 18.016 mg/dL: molar mass of glucose 180.16 g/mol).
 */
import { describe, expect, it } from "vitest";
import {
  GLUCOSE_MG_DL_PER_MMOL_L,
  GLUCOSE_SIGNAL,
  LabQueue,
  POTASSIUM_SIGNAL,
} from "../../src/console/labs.ts";
import { SessionCore } from "../../src/console/session.ts";
import { patientFromPreset } from "../../src/sim/index.ts";

const values: Record<string, number> = {
  "patient.ph": 7.4,
  "patient.pao2": 95,
  "patient.paco2": 40,
  "patient.sao2": 0.97,
  "patient.hb": 12,
  "patient.hct": 0.36,
  "patient.lactate": 1.1,
  [POTASSIUM_SIGNAL]: 4.2,
  [GLUCOSE_SIGNAL]: 5.5,
};
const read = (s: string) => values[s] ?? Number.NaN;

describe("lab K⁺ and glucose", () => {
  it("reads K⁺ and glucose when the simulation exposes the signals; glucose in mmol/L and mg/dL", () => {
    const q = new LabQueue();
    const r = q.draw("bloodGas", 0, read, (s) => s in values);
    const k = r.values.find((v) => v.label === "K⁺")!;
    expect(k).toMatchObject({ value: 4.2, text: "4.2", unit: "mmol/L" });
    const g = r.values.find((v) => v.label === "Glucose")!;
    expect(g).toMatchObject({ value: 5.5, text: "5.5", unit: "mmol/L" });
    // 5.5 mmol/L × 18.016 = 99.09 mg/dL.
    expect(GLUCOSE_MG_DL_PER_MMOL_L).toBe(18.016);
    expect(g.altText).toBe("99 mg/dL");
  });

  it('shows "not modelled" when the simulation has no such signal', () => {
    const q = new LabQueue();
    const has = (s: string) => s in values && s !== POTASSIUM_SIGNAL && s !== GLUCOSE_SIGNAL;
    const r = q.draw("bloodGas", 0, read, has);
    for (const label of ["K⁺", "Glucose"]) {
      const v = r.values.find((x) => x.label === label)!;
      expect(v.value).toBeNull();
      expect(v.text).toBe("not modelled");
      expect(v.altText).toBeUndefined();
    }
    expect(r.values.find((x) => x.label === "pH")?.text).toBe("7.40");
  });

  it("a session follows the engine's signal list: not modelled exactly when the engine lacks the signal", () => {
    const s = new SessionCore({ patient: patientFromPreset("adult-male"), seed: 1, actions: [] });
    s.advance(1, false);
    const r = s.drawLab("bloodGas");
    for (const [label, signal] of [
      ["K⁺", POTASSIUM_SIGNAL],
      ["Glucose", GLUCOSE_SIGNAL],
    ] as const) {
      const v = r.values.find((x) => x.label === label)!;
      if (s.has(signal)) {
        expect(v.value).toBeCloseTo(s.read(signal), 9);
        expect(Number.isFinite(v.value)).toBe(true);
      } else {
        expect(v.text).toBe("not modelled");
      }
    }
    // Signals the engine has always read as values.
    expect(r.values.find((x) => x.label === "Lactate")?.value).toBeCloseTo(s.read("patient.lactate"), 9);
  });
});
