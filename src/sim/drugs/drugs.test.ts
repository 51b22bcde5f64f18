import { describe, expect, it } from "vitest";
import { InputError } from "../../common/errors.ts";
import {
  actSeconds,
  DRUG_COUNT,
  DRUG_EPINEPHRINE,
  DRUG_HEPARIN,
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
  heparinHalfLifeS,
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
    const one = eliminationFraction(DRUG_HEPARIN, 600, 30);
    expect(eliminationFraction(DRUG_HEPARIN, 300, 30) ** 2).toBeCloseTo(one, 12);
  });
  it("heparin half-life is dose dependent: 60 min at 100 U/kg, 150 min at 400 U/kg (label, reference)", () => {
    expect(heparinHalfLifeS(100)).toBe(3600);
    expect(heparinHalfLifeS(400)).toBe(9000);
    expect(heparinHalfLifeS(300)).toBeGreaterThan(heparinHalfLifeS(100));
    expect(eliminationFraction(DRUG_HEPARIN, 3600, 37, heparinHalfLifeS(100))).toBeCloseTo(0.5, 12);
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
