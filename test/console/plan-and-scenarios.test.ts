import { describe, expect, it } from "vitest";
import { patientFromPlan } from "../../src/console/plan.ts";
import { loadPlannerData } from "../../src/io/catalogue-files.ts";
import { plan } from "../../src/planner/index.ts";
import { createSimulation } from "../../src/sim/index.ts";
import { loadScenario, SCENARIOS } from "../../web/src/scenarios.ts";
import { expectInputError } from "../helpers/input-error.ts";

describe("a plan from the planner starts a console session", () => {
  it("takes the plan's patient (weight, height, age, sex, Hct)", () => {
    const { catalogue, protocol } = loadPlannerData();
    const p = plan(
      { weightKg: 3.4, heightCm: 50, ageYears: 0.02, sex: "female", hct: 0.5, procedure: "cpb" },
      protocol,
      catalogue,
    );
    const patient = patientFromPlan(JSON.stringify(p));
    expect(patient).toEqual({ weightKg: 3.4, heightCm: 50, ageYears: 0.02, sex: "female", hct: 0.5 });
    expect(() => createSimulation({ patient, seed: 1 })).not.toThrow();
  });

  it("refuses text that is not a plan, naming the field", () => {
    expectInputError(() => patientFromPlan("{oops"), "plan");
    expectInputError(() => patientFromPlan("{}"), "plan.patient");
    expectInputError(
      () => patientFromPlan(JSON.stringify({ patient: { weightKg: 900, heightCm: 170, ageYears: 40 } })),
      "patient.weightKg",
    );
  });
});

describe("bundled scenarios", () => {
  it("are all valid and name their patient", () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(2);
    for (const s of SCENARIOS) {
      expect(s.error, s.file).toBeUndefined();
      expect(s.patient?.weightKg).toBeGreaterThan(0);
    }
  });

  it("report a bad scenario's problems instead of starting", () => {
    const bad = loadScenario(
      "x/bad.yaml",
      "patient: giant\nactions:\n  - { t: 1, type: bleeding.set, rateMlPerMin: -5 }\n",
    );
    expect(bad.patient).toBeUndefined();
    expect(bad.error).toContain("rateMlPerMin");
  });
});
