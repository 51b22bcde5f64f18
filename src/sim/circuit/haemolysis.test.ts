/**
 * Haemolysis indicator (haemolysis.ts, docs/models/ecmo.md "Haemolysis"): resting steady state, the generation
 * terms (pump shear with the Giersiepen 1990 shear exponent 2.416, inlet suction, clot), haptoglobin exhaustion
 * crossing the 50 mg/dL alarm (Lehle et al. 2015 critical value 500 mg/L; Omar et al. 2015), and recovery within
 * two days once the source is removed (Lehle et al. 2015: pump-head replacement normalised free Hb within two days).
 */
import { describe, expect, it } from "vitest";
import {
  createHaemolysisState,
  freeHbGenerationMgPerDlPerH,
  freeHbSteadyWithHaptoglobin,
  HAEM_ALARM_MG_PER_DL,
  HAEM_FREE_HB,
  HAEM_HAPTO,
  stepHaemolysis,
} from "./haemolysis.ts";

const H = 3600;

describe("haemolysis: plasma free haemoglobin", () => {
  it("rests at G0/k_b = 1 mg/dL/h × 20 min/ln2 = 0.48 mg/dL with haptoglobin full, and stays there for 3 days", () => {
    const s = createHaemolysisState();
    expect(s[HAEM_FREE_HB]!).toBeCloseTo(1 / 3600 / (Math.LN2 / 1200), 9);
    expect(s[HAEM_FREE_HB]!).toBeCloseTo(0.481, 3);
    for (let t = 0; t < 72 * H; t += 60) stepHaemolysis(s, 1, 60);
    expect(s[HAEM_FREE_HB]!).toBeCloseTo(0.481, 3);
    expect(s[HAEM_HAPTO]!).toBeCloseTo(100, 6);
  });

  it("generation: pump shear ∝ rpm^2.416 × flow (NIH 0.005 g/100 L at 3000 rpm), suction below −100 mmHg, clot", () => {
    // 3000 rpm, 4 L/min, 3000 mL plasma: 0.005 × 4/100 g/min = 12 mg/h over 30 dL = 0.4 mg/dL/h, + G0 1.
    expect(freeHbGenerationMgPerDlPerH(3000, 4, -50, 0, 3000)).toBeCloseTo(1.4, 9);
    const pump = (rpm: number) => freeHbGenerationMgPerDlPerH(rpm, 4, -50, 0, 3000) - 1;
    expect(pump(6000) / pump(3000)).toBeCloseTo(2 ** 2.416, 9); // Giersiepen: damage ∝ τ^2.416, τ ∝ rpm
    // Suction: 2·((−P − 100)/50)² mg/dL/h: −200 mmHg adds 8.
    expect(freeHbGenerationMgPerDlPerH(3000, 4, -200, 0, 3000) - 1.4).toBeCloseTo(8, 9);
    expect(freeHbGenerationMgPerDlPerH(3000, 4, -99, 0, 3000)).toBeCloseTo(1.4, 9);
    // Clot: 3 mg/dL/h × B.
    expect(freeHbGenerationMgPerDlPerH(0, 0, 0, 0.5, 3000)).toBeCloseTo(2.5, 9);
  });

  it("with haptoglobin, free Hb settles at G/k_b; a strong source exhausts haptoglobin and crosses 50 mg/dL in hours", () => {
    const s = createHaemolysisState();
    for (let t = 0; t < 3 * H; t += 10) stepHaemolysis(s, 4, 10);
    // 4 mg/dL/h: 1.92 mg/dL while haptoglobin lasts (it loses 3 mg/dL/h net of synthesis).
    expect(s[HAEM_FREE_HB]!).toBeCloseTo(freeHbSteadyWithHaptoglobin(4), 1);
    const x = createHaemolysisState();
    let alarmAt = -1;
    for (let t = 60; t <= 24 * H; t += 60) {
      stepHaemolysis(x, 30, 60); // e.g. suction at −290 mmHg plus pump shear
      if (alarmAt < 0 && x[HAEM_FREE_HB]! > HAEM_ALARM_MG_PER_DL) alarmAt = t;
    }
    expect(x[HAEM_HAPTO]!).toBeLessThan(1); // exhausted
    expect(alarmAt / H).toBeGreaterThan(4);
    expect(alarmAt / H).toBeLessThan(7);
    // Once exhausted, free Hb tends to ≈ G/k_u (t½ 4 h): 30 × 4/ln2 ≈ 173 (less the little haptoglobin made).
    expect(x[HAEM_FREE_HB]!).toBeGreaterThan(150);
    expect(x[HAEM_FREE_HB]!).toBeLessThan(175);
    // Source removed: below 5 mg/dL within two days (Lehle 2015), not within 12 h.
    let below = -1;
    for (let t = 60; t <= 48 * H; t += 60) {
      stepHaemolysis(x, 1, 60);
      if (below < 0 && x[HAEM_FREE_HB]! < 5) below = t;
    }
    expect(below / H).toBeGreaterThan(12);
    expect(below / H).toBeLessThan(48);
  });

  it("once-a-second and once-a-minute steps agree within 1 %", () => {
    const a = createHaemolysisState();
    const b = createHaemolysisState();
    for (let t = 0; t < 12 * H; t += 1) stepHaemolysis(a, 20, 1);
    for (let t = 0; t < 12 * H; t += 60) stepHaemolysis(b, 20, 60);
    expect(Math.abs(a[HAEM_FREE_HB]! - b[HAEM_FREE_HB]!) / a[HAEM_FREE_HB]!).toBeLessThan(0.01);
  });
});
