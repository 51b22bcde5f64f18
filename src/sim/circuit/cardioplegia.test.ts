import { describe, expect, it } from "vitest";
import { problemsOf } from "../../common/test-helpers.ts";
import {
  buildCardioplegiaParams,
  cardioplegiaBloodMl,
  cardioplegiaDeliveryPressureMmHg,
  cardioplegiaTargetPressureMmHg,
  createMyocardialState,
  deliveredPotassiumMmolPerL,
  MYO_ARRESTED,
  MYO_K_MMOL_PER_L,
  stepMyocardialPotassium,
} from "./cardioplegia.ts";

describe("cardioplegia mixture", () => {
  it("[63] del Nido 1000 mL at 1:4 → 200 mL blood, 800 crystalloid; [65] 4:1 → 800 blood, 200 crystalloid", () => {
    expect(cardioplegiaBloodMl(buildCardioplegiaParams({ solution: "delNido" }), 1000)).toBeCloseTo(200, 9);
    expect(cardioplegiaBloodMl(buildCardioplegiaParams({ solution: "buckbergInduction" }), 1000)).toBeCloseTo(
      800,
      9,
    );
  });
  it("del Nido crystalloid: 26 mEq KCl in 859.3 mL = 30.26 mmol/L (Ali 2024 recipe, reference §6.3); delivered with blood K 4: 25.0", () => {
    const p = buildCardioplegiaParams({ solution: "delNido" });
    expect(p.crystalloidKMmolPerL).toBeCloseTo(30.26, 2);
    expect(deliveredPotassiumMmolPerL(p, 4)).toBeCloseTo(0.2 * 4 + 0.8 * 30.257, 2);
  });
  it("Buckberg 4:1 with blood K 4: 20 mmol/L induction, 10 maintenance (PMC6986803 Table 2)", () => {
    expect(
      deliveredPotassiumMmolPerL(buildCardioplegiaParams({ solution: "buckbergInduction" }), 4),
    ).toBeCloseTo(20, 9);
    expect(
      deliveredPotassiumMmolPerL(buildCardioplegiaParams({ solution: "buckbergMaintenance" }), 4),
    ).toBeCloseTo(10, 9);
  });
  it("Plegisol (crystalloid only) delivers its label 16 mmol/L whatever the blood K", () => {
    expect(deliveredPotassiumMmolPerL(buildCardioplegiaParams({ solution: "plegisol" }), 5)).toBe(16);
  });
  it("delivery pressure = line drop + root pressure; retrograde uses the coronary-sinus resistance", () => {
    const a = buildCardioplegiaParams({ solution: "delNido" });
    expect(cardioplegiaTargetPressureMmHg(a, 5)).toBeCloseTo(70, 9); // 300 mL/min
    expect(cardioplegiaDeliveryPressureMmHg(a, 5)).toBeCloseTo(80, 9);
    const r = buildCardioplegiaParams({ solution: "delNido", route: "retrograde" });
    expect(cardioplegiaTargetPressureMmHg(r, 200 / 60)).toBeCloseTo(35, 9);
  });
});

describe("myocardial K+ arrest and washout", () => {
  function timeToArrest(
    solution: "plegisol" | "delNido" | "buckbergInduction",
    flowMlPerMin: number,
    route = "antegrade",
  ) {
    const p = buildCardioplegiaParams({ solution, route });
    const s = createMyocardialState(4.5);
    const kIn = deliveredPotassiumMmolPerL(p, 4.5);
    for (let t = 0; t < 300; t += 0.02) {
      stepMyocardialPotassium(p, s, kIn, flowMlPerMin / 60, 0.02);
      if (s[MYO_ARRESTED] === 1) return t + 0.02;
    }
    return Number.POSITIVE_INFINITY;
  }
  it("a full dose arrests within ~60 s: Plegisol at 300 mL/m²/min × 1.8 m² = 540 mL/min (label rate)", () => {
    // τ = Vm/Q = 99 mL / 9 mL/s = 11 s; t = τ·ln((16 − 4.5)/(16 − 14)) = 19.3 s
    expect(timeToArrest("plegisol", 540)).toBeCloseTo(11 * Math.log(11.5 / 2), 0);
    expect(timeToArrest("plegisol", 540)).toBeLessThan(60);
    expect(timeToArrest("delNido", 300)).toBeLessThan(60);
    expect(timeToArrest("buckbergInduction", 300)).toBeLessThan(60);
  });
  it("retrograde reaches less myocardium and arrests later than antegrade", () => {
    expect(timeToArrest("delNido", 300, "retrograde")).toBeGreaterThan(timeToArrest("delNido", 300));
  });
  it("maintenance K (10 mmol/L) does not arrest a beating heart", () => {
    const p = buildCardioplegiaParams({ solution: "buckbergMaintenance" });
    const s = createMyocardialState(4.5);
    for (let i = 0; i < 10000; i++) stepMyocardialPotassium(p, s, deliveredPotassiumMmolPerL(p, 4), 5, 0.02);
    expect(s[MYO_ARRESTED]).toBe(0);
    expect(s[MYO_K_MMOL_PER_L]).toBeCloseTo(10 + (4.5 - 10) * Math.exp((-5 * 200) / 99), 9); // exact solution
  });
  it("washout with coronary reperfusion (250 mL/min, blood K 4.5) restores rhythm eligibility; exact exponential", () => {
    const p = buildCardioplegiaParams({ solution: "delNido" });
    const s = createMyocardialState(4.5);
    s[MYO_K_MMOL_PER_L] = 25;
    s[MYO_ARRESTED] = 1;
    let t = 0;
    while (s[MYO_ARRESTED] === 1 && t < 600) {
      stepMyocardialPotassium(p, s, 4.5, 250 / 60, 0.02);
      t += 0.02;
    }
    const tau = 99 / (250 / 60);
    expect(t).toBeCloseTo(tau * Math.log(20.5 / 3.5), 0);
    // hysteresis: at K between 8 and 14 the flag keeps its last value
    s[MYO_K_MMOL_PER_L] = 12;
    stepMyocardialPotassium(p, s, 12, 0, 1);
    expect(s[MYO_ARRESTED]).toBe(0);
  });
});

describe("buildCardioplegiaParams errors", () => {
  it("names fields", () => {
    const p = problemsOf(() =>
      buildCardioplegiaParams({ solution: "stThomas", route: "sideways", doseMl: 0 }),
    );
    expect(p.map((x) => x.field).sort()).toEqual([
      "cardioplegia.doseMl",
      "cardioplegia.route",
      "cardioplegia.solution",
    ]);
  });
  it("custom needs its mixture; thresholds must be ordered; zero parts refused", () => {
    expect(
      problemsOf(() => buildCardioplegiaParams({ solution: "custom", bloodParts: 1, crystalloidParts: 1 }))[0]
        ?.field,
    ).toBe("cardioplegia.crystalloidKMmolPerL");
    expect(
      problemsOf(() =>
        buildCardioplegiaParams({ solution: "delNido", arrestKMmolPerL: 10, resumeKMmolPerL: 12 }),
      )[0]?.field,
    ).toBe("cardioplegia.resumeKMmolPerL");
    expect(
      problemsOf(() =>
        buildCardioplegiaParams({
          solution: "custom",
          bloodParts: 0,
          crystalloidParts: 0,
          crystalloidKMmolPerL: 20,
        }),
      )[0]?.field,
    ).toBe("cardioplegia.crystalloidParts");
  });
});
