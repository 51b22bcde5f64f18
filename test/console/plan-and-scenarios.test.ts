import { describe, expect, it } from "vitest";
import { caseFromPlan, patientFromPlan } from "../../src/console/plan.ts";
import { SessionCore } from "../../src/console/session.ts";
import { loadPlannerData } from "../../src/io/catalogue-files.ts";
import { plan } from "../../src/planner/index.ts";
import { REFERENCE_PATIENTS } from "../../src/planner/reference-patients.ts";
import { circuitFromPlan } from "../../src/planner/to-circuit.ts";
import { createSimulation } from "../../src/sim/index.ts";
import { circuitCatalogue } from "../../web/src/catalogue.ts";
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

describe("a plan runs on its planned circuit", () => {
  const { catalogue, protocol } = loadPlannerData();
  const adult = () =>
    plan(REFERENCE_PATIENTS.find((p) => p.label === "adult 80 kg CPB")!, protocol, catalogue);

  it("the browser's bundled catalogue is the default catalogue the CLI reads", () => {
    const bundled = circuitCatalogue();
    expect(bundled.cannulae).toEqual(catalogue.cannulae);
    expect(bundled.oxygenators).toEqual(catalogue.oxygenators);
    expect(bundled.arterialFilters).toEqual(catalogue.arterialFilters);
  });

  it("takes the plan's patient, circuit and standard initiation; the session reaches the target flow", () => {
    const p = adult();
    const c = caseFromPlan(JSON.stringify(p), { catalogue: circuitCatalogue(), initiate: true });
    expect(c.circuit).toEqual(circuitFromPlan(p, { catalogue }));
    expect(c.patient.weightKg).toBe(p.patient.weightKg);
    expect(c.actions.some((a) => a.type === "drug.bolus")).toBe(true);
    expect(c.title).toContain("CPB");
    const s = new SessionCore({ patient: c.patient, seed: 1, actions: c.actions, circuit: c.circuit });
    expect(s.has("circuit.arterialPump.flow")).toBe(true);
    expect(s.has("circuit.venousReservoir.level")).toBe(true);
    s.advance(120, false);
    // The planner's initiation reaches the target 60 s after the venous unclamp at 5 s (plan-to-bypass: 3.98 of 4.00).
    expect(Math.abs(s.read("circuit.arterialPump.flow") / p.targetFlowLPerMin - 1)).toBeLessThan(0.05);
    expect(s.read("circuit.bypassFraction")).toBeGreaterThan(0.9);
  });

  it("without the initiation: lines clamped, pump stopped", () => {
    const c = caseFromPlan(JSON.stringify(adult()), { catalogue: circuitCatalogue(), initiate: false });
    expect(c.actions).toEqual([]);
    const s = new SessionCore({ patient: c.patient, seed: 1, actions: [], circuit: c.circuit });
    s.advance(10, false);
    expect(s.read("circuit.arterialPump.flow")).toBeCloseTo(0, 2);
  });

  it("refuses what it cannot run, naming the plan field", () => {
    const opts = { catalogue: circuitCatalogue(), initiate: true };
    expectInputError(() => caseFromPlan("{oops", opts), "plan");
    expectInputError(() => caseFromPlan("{}", opts), "plan");
    expectInputError(() => caseFromPlan(JSON.stringify({ schemaVersion: 1 }), opts), "plan.patient");
    const ecmo = { ...adult(), patient: { ...adult().patient, procedure: "vv-ecmo" } };
    expectInputError(() => caseFromPlan(JSON.stringify(ecmo), opts), "plan.patient.procedure");
    // A hand-edited plan missing what the mapping reads: an InputError on the plan, not a TypeError.
    const broken = { schemaVersion: 1, patient: adult().patient };
    expectInputError(() => caseFromPlan(JSON.stringify(broken), opts), "plan");
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
