/**
 * Anticoagulation in the shipped ECMO scenarios after 12 h (fast-forward): the heparin infusions of the scenarios
 * (docs/models/ecmo.md, "Heparin infusion and ACT drift") against published ECMO cohorts.
 * - Adults, 18 U/kg/h, baseline ACT 170 s: Nguyen et al., Crit Care Res Pract 2021:5579936 — adult ECMO, anti-Xa 0.28
 *   [0.21–0.41] U/mL, ACT 184 [175–196] s (median [IQR]). The baseline ACT is FITTED to that median ACT, so the ACT
 *   check tests the fit plus the Hct and heparin the model reaches; the anti-Xa is a prediction. Nguyen's patients
 *   reached it on 800 [600–1000] U/h (≈ 10 U/kg/h), the scenarios need 1440 U/h (the ASH starting rate): at ECMO
 *   levels the model clears heparin faster than that cohort (docs/models/drugs.md).
 * - Neonate, 42 U/kg/h: "Assessing heparin dosing in neonates on venoarterial ECMO" (12 neonates, 2004–2005) — anti-Xa
 *   0.73 ± 0.19 U/mL, ACT 167 ± 20 s (mean ± SD).
 */
import { describe, expect, it } from "vitest";
import { read, scenarioSim } from "./cpb-helpers.ts";

function after12h(name: string) {
  const sim = scenarioSim(name, true);
  sim.advance(12 * 3600);
  return {
    antiXa: read(sim, "patient.heparin"),
    act: read(sim, "patient.act"),
    clot: read(sim, "ecmo.clotBurden"),
  };
}

describe("heparin on ECMO after 12 h against published cohorts", () => {
  it.each(["adult-vv-ecmo", "adult-va-ecmo"])(
    "%s: anti-Xa and ACT inside the adult ECMO IQR (Nguyen 2021)",
    (name) => {
      const r = after12h(name);
      expect(r.antiXa).toBeGreaterThanOrEqual(0.21); // Nguyen 2021, IQR low
      expect(r.antiXa).toBeLessThanOrEqual(0.41); // Nguyen 2021, IQR high
      expect(r.act).toBeGreaterThanOrEqual(175); // Nguyen 2021, IQR low
      expect(r.act).toBeLessThanOrEqual(196); // Nguyen 2021, IQR high
      // Near the wear model's 0.3 U/mL reference the membrane is still clean after half a day.
      expect(r.clot).toBeLessThan(0.01);
    },
  );

  it("neonate-va-ecmo: anti-Xa and ACT within one SD of the neonatal VA cohort", () => {
    const r = after12h("neonate-va-ecmo");
    expect(Math.abs(r.antiXa - 0.73)).toBeLessThanOrEqual(0.19); // cohort 0.73 ± 0.19 U/mL
    expect(Math.abs(r.act - 167)).toBeLessThanOrEqual(20); // cohort 167 ± 20 s
  });
});
