import { describe, expect, it } from "vitest";
import { InputError } from "../../common/errors.ts";
import {
  actSeconds,
  DRUG_COUNT,
  DRUG_EPINEPHRINE,
  DRUG_HEPARIN,
  DRUG_IO,
  DRUG_NITROGLYCERIN,
  DRUG_NOREPINEPHRINE,
  DRUG_PROTAMINE,
  DRUGS,
  drugEffects,
  drugIndexByName,
  EFFECT_CONTRACTILITY,
  EFFECT_COUNT,
  EFFECT_SVR,
  EFFECT_UNSTRESSED_VOLUME,
  eliminationFraction,
  HEPARIN_KINETICS,
  heparinApparentHalfLifeS,
  heparinEliminationIo,
  heparinEliminationRate,
  heparinSteadyStateUPerMl,
  neutralise,
  plasmaConcentrationPerMl,
  updateEffectSites,
} from "./index.ts";

describe("drug table", () => {
  it("has one entry per index, each with sources, positive half-life and ke0", () => {
    expect(DRUGS.length).toBe(DRUG_COUNT);
    DRUGS.forEach((d, i) => {
      expect(d.index).toBe(i);
      expect(d.halfLifeS).toBeGreaterThan(0);
      expect(d.ke0PerS).toBeGreaterThan(0);
      expect(d.halfLifeSource.length).toBeGreaterThan(10);
      expect(d.ke0Source.length).toBeGreaterThan(10);
      for (const e of d.effects) {
        expect(e.effect).toBeLessThan(EFFECT_COUNT);
        expect(e.ec50PerMl).toBeGreaterThan(0);
        expect(e.emax).toBeGreaterThan(-1);
      }
    });
    expect(drugIndexByName("protamine")).toBe(DRUG_PROTAMINE);
    expect(() => drugIndexByName("aspirin")).toThrow(InputError);
  });
});

describe("elimination", () => {
  it("half the amount remains after one half-life at 37 °C (norepinephrine 2.5 min, droracle; protamine 4.5 min, Butterworth 2002)", () => {
    expect(eliminationFraction(DRUG_NOREPINEPHRINE, 150, 37)).toBeCloseTo(0.5, 12);
    expect(eliminationFraction(DRUG_PROTAMINE, 270, 37)).toBeCloseTo(0.5, 12);
  });
  it("hypothermia slows clearance (−11.1 %/°C, Hostler 2010); splitting dt does not change the result", () => {
    expect(eliminationFraction(DRUG_EPINEPHRINE, 120, 28)).toBeGreaterThan(0.5);
    const one = eliminationFraction(DRUG_PROTAMINE, 600, 30);
    expect(eliminationFraction(DRUG_PROTAMINE, 300, 30) ** 2).toBeCloseTo(one, 12);
    // Heparin is not first order: its fraction here is 1, its elimination is heparinEliminationIo.
    expect(eliminationFraction(DRUG_HEPARIN, 600, 37)).toBe(1);
  });
});

/**
 * Steps heparinEliminationIo (the code the engine runs) on one compartment of 1000 mL plasma from c0 (U/mL), with an
 * optional input (U/mL/s), every dt s, until `stop` says so; returns the time (s) and the concentration.
 */
function runHeparin(
  c0: number,
  inputPerMlPerS: number,
  dtS: number,
  stop: (tS: number, c: number) => boolean,
  tempFactor = 1,
): { tS: number; c: number } {
  const amount = new Float64Array([c0 * 1000]);
  const plasma = new Float64Array([1000]);
  let t = 0;
  for (;;) {
    DRUG_IO[5] = dtS;
    DRUG_IO[6] = tempFactor;
    heparinEliminationIo(amount, 0, plasma, 1);
    amount[0] = amount[0]! + inputPerMlPerS * 1000 * dtS;
    t += dtS;
    const c = amount[0]! / 1000;
    if (stop(t, c)) return { tS: t, c };
  }
}

/** Time (min) for a bolus of doseUPerKg to fall to half its initial plasma concentration (dose / 40.6 mL/kg). */
function measuredHalfLifeMin(doseUPerKg: number): number {
  const c0 = doseUPerKg / HEPARIN_KINETICS.plasmaMlPerKg;
  const dt = 1;
  const { tS } = runHeparin(c0, 0, dt, (_t, c) => c <= c0 / 2);
  return tS / 60;
}

describe("heparin: saturable plus linear elimination (de Swart 1982), dC/dt = −Vmax·C/(Km + C) − k·C", () => {
  it("apparent bolus half-life: 30 min at 25 U/kg, 60 min at 100 U/kg, 150 min at 400 U/kg (label/guideline, droracle.ai; Swiss label 1 h and 2.5 h)", () => {
    // Measured on the running code (1 s steps; the crossing is within one step: ±1 s = ±0.06 % of 30 min).
    expect(measuredHalfLifeMin(25)).toBeCloseTo(30, 0); // 25 U/kg → ≈ 30 min
    expect(measuredHalfLifeMin(100)).toBeCloseTo(60, 0); // 100 U/kg → ≈ 60 min (Swiss label: 1 h)
    expect(measuredHalfLifeMin(400)).toBeCloseTo(150, 0); // 400 U/kg → ≈ 150 min (Swiss label: 2.5 h)
    // The closed form agrees with the stepped code.
    for (const d of [25, 100, 400]) {
      const closed = heparinApparentHalfLifeS(d / HEPARIN_KINETICS.plasmaMlPerKg) / 60;
      expect(Math.abs(closed - measuredHalfLifeMin(d))).toBeLessThan(2 / 60);
    }
  });

  it("checks not fitted: 70 U/kg within Hirsh 1976's 63 ± 15 min; CPB levels (300–400 U/kg) ≥ 120 min", () => {
    const t70 = measuredHalfLifeMin(70);
    expect(t70).toBeGreaterThan(63 - 15); // Hirsh et al., Circulation 1976;53:691: 63 ± 15 min after 70 U/kg
    expect(t70).toBeLessThan(63 + 15);
    expect(measuredHalfLifeMin(300)).toBeGreaterThanOrEqual(120); // CPB heparin lasts through the run
    // Half-life rises with dose (saturation): the defining property of the model.
    let prev = 0;
    for (const d of [5, 25, 50, 100, 200, 300, 400, 600]) {
      const t = heparinApparentHalfLifeS(d / HEPARIN_KINETICS.plasmaMlPerKg);
      expect(t).toBeGreaterThan(prev);
      prev = t;
    }
  });

  it("an infusion settles at the closed-form steady state (positive root of r = Vmax·C/(Km + C) + k·C)", () => {
    // 18 U/kg/h (weight-based starting rate; ASH anticoagulation-on-circuits protocol) over 40.6 mL/kg of plasma.
    const r = 18 / 3600 / HEPARIN_KINETICS.plasmaMlPerKg; // U/mL/s
    const css = heparinSteadyStateUPerMl(r);
    expect(heparinEliminationRate(css)).toBeCloseTo(r, 15);
    const { c } = runHeparin(0, r, 1, (t) => t >= 24 * 3600);
    expect(Math.abs(c - css) / css).toBeLessThan(1e-3);
    // 0.27 U/mL: adult ECMO at 800 (600–1000) U/h had anti-Xa 0.28 (0.21–0.41) U/mL (Nguyen et al., Crit Care Res
    // Pract 2021:5579936); ELSO/ASH targets 0.3–0.7 and 0.3–0.5 U/mL.
    expect(css).toBeGreaterThan(0.21);
    expect(css).toBeLessThan(0.41);
    // A steeper rise than proportional: doubling the infusion more than doubles the level (saturation).
    expect(heparinSteadyStateUPerMl(2 * r)).toBeGreaterThan(2 * css);
  });

  it("hypothermia slows it by the clearance factor; zero or missing plasma/heparin gives no NaN and no negative", () => {
    const warm = runHeparin(2, 0, 10, (t) => t >= 3600).c;
    const cold = runHeparin(2, 0, 10, (t) => t >= 3600, 0.5).c;
    expect(cold).toBeGreaterThan(warm);
    const amount = new Float64Array([0, 5, -1, 100]);
    const plasma = new Float64Array([1000, 0, 1000, 1000]);
    DRUG_IO[5] = 1e6; // a very long step stays positive
    DRUG_IO[6] = 1;
    heparinEliminationIo(amount, 0, plasma, 4);
    expect(Array.from(amount.subarray(0, 3))).toEqual([0, 5, -1]); // untouched (nothing to clear, or no plasma)
    expect(amount[3]!).toBeGreaterThan(0);
    expect(amount[3]!).toBeLessThan(100);
    expect(heparinEliminationRate(0)).toBe(0);
    expect(heparinEliminationRate(-1)).toBe(0);
    expect(heparinSteadyStateUPerMl(0)).toBe(0);
    expect(Number.isFinite(heparinApparentHalfLifeS(0))).toBe(true);
  });
});

describe("effect sites and Emax effects", () => {
  it("effect site follows a step in plasma concentration with t½ = ln2/ke0 (onset), and decays the same way (offset)", () => {
    const ce = new Float64Array(DRUG_COUNT);
    const cp = new Float64Array(DRUG_COUNT);
    cp[DRUG_NOREPINEPHRINE] = 0.01;
    const t12 = Math.LN2 / DRUGS[DRUG_NOREPINEPHRINE]!.ke0PerS; // 60 s
    for (let i = 0; i < 600; i++) updateEffectSites(ce, cp, t12 / 600);
    expect(ce[DRUG_NOREPINEPHRINE]).toBeCloseTo(0.005, 9);
    updateEffectSites(ce, cp, 1e6);
    expect(ce[DRUG_NOREPINEPHRINE]).toBeCloseTo(0.01, 12);
    cp[DRUG_NOREPINEPHRINE] = 0;
    updateEffectSites(ce, cp, t12);
    expect(ce[DRUG_NOREPINEPHRINE]).toBeCloseTo(0.005, 9);
  });

  it("no drug → all factors 1; effects are monotone in concentration and bounded by 1 + Emax", () => {
    const ce = new Float64Array(DRUG_COUNT);
    const out = new Float64Array(EFFECT_COUNT);
    drugEffects(ce, out);
    for (const x of out) expect(x).toBe(1);
    let prev = 1;
    for (const c of [0.001, 0.003, 0.01, 0.03, 0.1, 1, 100]) {
      ce[DRUG_NOREPINEPHRINE] = c;
      drugEffects(ce, out);
      expect(out[EFFECT_SVR]).toBeGreaterThan(prev);
      expect(out[EFFECT_SVR]).toBeLessThan(2.5 + 1e-9);
      expect(out[EFFECT_CONTRACTILITY]).toBeGreaterThan(1);
      prev = out[EFFECT_SVR]!;
    }
    ce.fill(0);
    ce[DRUG_NITROGLYCERIN] = 1;
    drugEffects(ce, out);
    expect(out[EFFECT_SVR]).toBeLessThan(1); // vasodilator
    expect(out[EFFECT_UNSTRESSED_VOLUME]).toBeGreaterThan(1); // venous pooling
  });

  it("a typical norepinephrine infusion (0.1 µg/kg/min) reaches about half its maximal SVR effect at steady state", () => {
    const plasmaMl = 4900 * 0.58;
    const k = Math.LN2 / DRUGS[DRUG_NOREPINEPHRINE]!.halfLifeS;
    const css = 7 / 60 / (k * plasmaMl);
    const ce = new Float64Array(DRUG_COUNT);
    const out = new Float64Array(EFFECT_COUNT);
    ce[DRUG_NOREPINEPHRINE] = css;
    drugEffects(ce, out);
    expect(out[EFFECT_SVR]).toBeCloseTo(1 + 1.5 / 2, 2);
  });
});

describe("heparin, protamine, ACT", () => {
  it("1 mg protamine neutralises 100 U heparin (FDA label, §6.2); 24,000 U needs 240 mg [61]", () => {
    expect(neutralise(24000, 240)).toBe(24000);
    expect(neutralise(24000, 120)).toBe(12000);
    expect(neutralise(5000, 240)).toBe(5000);
    expect(neutralise(-1, 10)).toBe(0);
    expect(neutralise(100, -1)).toBe(0);
  });

  it("ACT off heparin is in the typical 100–140 s range (alpfmedical, §6.1)", () => {
    const act = actSeconds(0, 120, 37, 0.42);
    expect(act).toBeGreaterThanOrEqual(100);
    expect(act).toBeLessThanOrEqual(140);
  });

  it("300 U/kg (70 kg, heparin in plasma volume) gives ACT > 400 s and within the 400–500 s CPB range (Bull; alpfmedical; BJA)", () => {
    const c = plasmaConcentrationPerMl(300 * 70, 70 * 70, 0.42);
    expect(c).toBeCloseTo(7.39, 2);
    const act = actSeconds(c, 120, 37, 0.42);
    expect(act).toBeGreaterThan(400);
    expect(act).toBeLessThan(500);
    // Bull's worked example (vector [62]): ~1 s per U/kg → 300 U/kg adds ≈ 300 s.
    expect(Math.abs(act - 120 - 300)).toBeLessThan(20);
  });

  it("hypothermia and haemodilution prolong ACT (Kmiecik 2001: 130 → 152 s at 27 °C; 147 s at Hct 20 %)", () => {
    expect(actSeconds(0, 130, 27, 0.4)).toBeCloseTo(152.1, 0);
    expect(actSeconds(0, 130, 37, 0.2)).toBeCloseTo(147, 0);
    expect(actSeconds(3, 120, 28, 0.25)).toBeGreaterThan(actSeconds(3, 120, 37, 0.4));
  });

  it("no NaN for zero volumes or negative inputs", () => {
    expect(plasmaConcentrationPerMl(100, 0, 0.4)).toBe(0);
    expect(plasmaConcentrationPerMl(100, 100, 1)).toBeGreaterThan(0);
    expect(Number.isFinite(actSeconds(-1, 120, -5, -1))).toBe(true);
  });
});
