/**
 * Plan → circuit description: every CPB reference patient the planner fully sizes gives a circuit that passes
 * the simulator's validator (with the patient's compartments), carries the plan's devices and sizes, and starts
 * clamped; what cannot be simulated is refused with an InputError naming the plan field.
 */
import { describe, expect, it } from "vitest";
import { problemsOf } from "../common/test-helpers.ts";
import { loadPlannerData } from "../io/catalogue-files.ts";
import { validateCircuit } from "../sim/circuit/spec.ts";
import { planCircuit } from "../sim/cpb/build.ts";
import { COMPARTMENT_NAMES } from "../sim/patient/layout.ts";
import { plan } from "./plan.ts";
import { REFERENCE_PATIENTS } from "./reference-patients.ts";
import { circuitFromPlan, initiationActions, patientFromPlan } from "./to-circuit.ts";
import type { Plan } from "./types.ts";

const { catalogue, protocol } = loadPlannerData();
const plans = REFERENCE_PATIENTS.map((p) => ({ label: p.label, plan: plan(p, protocol, catalogue) }));
const cpb = plans.filter((p) => p.plan.patient.procedure === "cpb");
const sized = cpb.filter((p) => p.plan.cannulae.every((c) => c.fr !== null));
const adult80 = sized.find((p) => p.label === "adult 80 kg CPB")!.plan;
const clone = (p: Plan): Plan => JSON.parse(JSON.stringify(p)) as Plan;
type C = { id: string; type: string; params: Record<string, unknown>; at?: string };
const comps = (c: Record<string, unknown>) => c.components as C[];
const byId = (c: Record<string, unknown>, id: string) => comps(c).find((x) => x.id === id)!;

describe("circuitFromPlan", () => {
  it("the default catalogue fully sizes every CPB reference patient (2.5–140 kg, chart-read venous data)", () => {
    expect(sized.map((p) => p.label)).toEqual(cpb.map((p) => p.label));
    expect(cpb).toHaveLength(9);
  });

  for (const { label, plan: p } of sized) {
    it(`${label}: the circuit passes validateCircuit and the CPB build, with the plan's devices`, () => {
      const c = circuitFromPlan(p, { catalogue });
      const r = validateCircuit(c, { patientCompartments: COMPARTMENT_NAMES });
      expect(r.ok ? [] : r.problems).toEqual([]);
      const built = planCircuit(c);
      expect(c.plannedFlowLPerMin).toBe(p.maxFlowLPerMin);
      // Cannulae: catalogue ids and vessels by role.
      const ven = p.cannulae.find((x) => x.role === "venous")!;
      const art = p.cannulae.find((x) => x.role === "arterial")!;
      expect(byId(c, "venousCannula").params).toMatchObject({
        model: ven.id,
        fr: ven.fr,
        vessel: "rightAtrium",
      });
      expect(byId(c, "aorticCannula").params).toMatchObject({
        model: art.id,
        fr: art.fr,
        vessel: "ascendingAorta",
        type: "arterial",
      });
      // Tubing sizes and lengths.
      expect(byId(c, "venousLine").params).toEqual({
        internalDiameterIn: p.tubing.venous.sizeIn,
        lengthM: p.tubing.venous.lengthCm / 100,
      });
      expect(byId(c, "arterialLine").params).toEqual({
        internalDiameterIn: p.tubing.arterial.sizeIn,
        lengthM: p.tubing.arterial.lengthCm / 100,
      });
      // Pump, oxygenator, reservoir.
      const pump = byId(c, "arterialPump");
      expect(pump.type).toBe(p.pump.type === "roller" ? "rollerPump" : "centrifugalPump");
      expect(byId(c, "oxygenator").params).toMatchObject({
        maxFlowLPerMin: p.oxygenator.maxFlowLPerMin,
        minFlowLPerMin: p.oxygenator.minFlowLPerMin,
        primeMl: p.oxygenator.primeMl,
      });
      expect(byId(c, "venousReservoir").params).toMatchObject({
        capacityMl: p.reservoir!.capacityMl,
        minOperatingLevelMl: p.reservoir!.minOperatingLevelMl,
        siphonHeightCm: p.drainageHeightCm,
      });
      // Clamped at the start.
      expect(built.venousClamp).toBe(1);
      expect(built.arterialClamp).toBe(1);
      // Volumes: tubing as planned (the pump line split either side of the pump).
      const line = (l: { volumeMl: number } | undefined) => l?.volumeMl ?? 0;
      expect(built.venousTubingMl).toBeCloseTo(line(p.tubing.venous), 0);
      expect(built.arterialTubingMl).toBeCloseTo(line(p.tubing.arterial), 0);
      expect(built.pumpSideMl).toBeCloseTo(line(p.tubing.pump), 0);
      expect(built.filterPrimeMl).toBe(p.arterialFilter?.primeMl ?? 0);
      // Cardioplegia from the protocol (del Nido 1:4, the plan's dose).
      expect(byId(c, "cardioplegia").params).toMatchObject({
        solution: "delNido",
        bloodParts: 1,
        crystalloidParts: 4,
        doseMl: p.cardioplegia!.doseMl,
      });
    });
  }

  it("a plan with an unsized cannula (CANNULA_NO_DATA) is refused, naming the cannula and what to add", () => {
    // A catalogue without the small venous cannulae (< 20 Fr): the 3.5 kg neonate's venous cannula is unsized.
    const noSmall = {
      ...catalogue,
      cannulae: catalogue.cannulae.filter((c) => c.kind === "aortic-arterial" || c.fr >= 20),
    };
    const ref = REFERENCE_PATIENTS.find((x) => x.label === "neonate 3.5 kg CPB")!;
    const p = plan(ref, protocol, noSmall);
    expect(p.cannulae[1]!.fr).toBeNull();
    expect(p.warnings.map((w) => w.code)).toContain("CANNULA_NO_DATA");
    const problems = problemsOf(() => circuitFromPlan(p, { catalogue }));
    expect(problems[0]!.field).toBe("plan.cannulae[1]");
    expect(problems[0]!.allowed).toMatch(/add pressure–flow data for a venous cannula at 0.525 L\/min/);
    expect(problems[0]!.allowed).toMatch(/--catalogue/);
  });

  it("an ECMO plan is refused (the engine runs an open CPB circuit)", () => {
    const p = plans.find((x) => x.label === "adult 80 kg VA ECMO")!.plan;
    const problems = problemsOf(() => circuitFromPlan(p, { catalogue }));
    expect(problems[0]!.field).toBe("plan.patient.procedure");
    expect(problems[0]!.allowed).toMatch(/ECMO circuits cannot be simulated yet/);
  });

  it("a cannula with no data in the simulator nor in the given catalogue is refused", () => {
    const p = clone(adult80);
    p.cannulae[1]!.id = "institution-venous-30";
    const problems = problemsOf(() => circuitFromPlan(p, { catalogue }));
    expect(problems[0]!.field).toBe("plan.cannulae[1].id");
    expect(problems[0]!.allowed).toMatch(/pressureFlow points/);
  });

  it("a plan with more than two venous cannulae is refused, naming the field and the allowed count", () => {
    // Built by hand: the adult plan's arterial cannula and three venous cannulae (SVC, IVC and one more), each
    // a catalogue device the simulator has data for, so the count is the only problem.
    const p = clone(adult80);
    const venous = (id: string, fr: number, site?: "svc" | "ivc") => ({
      role: "venous" as const,
      id,
      fr,
      model: id,
      flowLPerMin: 1.6,
      pressureDropMmHg: 20,
      limitMmHg: 34,
      withinLimit: true,
      ...(site ? { site } : {}),
    });
    p.cannulae = [
      p.cannulae[0]!,
      venous("medtronic-dlp-metal-tip-venous-18", 18, "svc"),
      venous("medtronic-dlp-metal-tip-venous-22", 22, "ivc"),
      venous("medtronic-dlp-metal-tip-venous-20", 20),
    ];
    const problems = problemsOf(() => circuitFromPlan(p, { catalogue }));
    expect(problems).toEqual([
      { field: "plan.cannulae", allowed: "one or two (bicaval) venous cannulae", received: "3" },
    ]);
    // Two of them (a bicaval pair) map.
    p.cannulae = p.cannulae.slice(0, 3);
    expect(() => circuitFromPlan(p, { catalogue })).not.toThrow();
  });

  it("an institution cannula brings its catalogue points into the circuit", () => {
    const p = clone(adult80);
    p.cannulae[1]!.id = "institution-venous-30";
    const extra = {
      ...catalogue,
      cannulae: [
        ...catalogue.cannulae,
        {
          id: "institution-venous-30",
          model: "venous 30 Fr",
          manufacturer: "test",
          kind: "venous-single-stage" as const,
          fr: 30,
          pressureFlow: {
            points: [[5, 30]] as [number, number][],
            fluid: "water" as const,
            kind: "exact" as const,
            source: "test",
            evidence: "U" as const,
          },
        },
      ],
    };
    const c = circuitFromPlan(p, { catalogue: extra });
    expect(byId(c, "venousCannula").params).toMatchObject({
      type: "venousSingleStage",
      pressureFlow: { points: [[5, 30]], fluid: "water" },
    });
    expect(validateCircuit(c, { patientCompartments: COMPARTMENT_NAMES }).ok).toBe(true);
  });

  it("a roller plan maps the boot, stroke volume and maximum speed", () => {
    const p = sized.find((x) => x.plan.pump.type === "roller")!.plan;
    expect(byId(circuitFromPlan(p, { catalogue }), "arterialPump").params).toEqual({
      bootSize: p.pump.bootSizeIn,
      strokeVolumeMlPerRev: p.pump.strokeVolumeMlPerRev,
      maxRpm: p.pump.maxRpm,
      occlusionDropRateCmPerMin: 2.54,
    });
  });

  it("a centrifugal head the simulator has no law for is refused, naming the pump model", () => {
    const p = clone(adult80);
    p.pump.model = "Revolution";
    expect(problemsOf(() => circuitFromPlan(p, { catalogue }))[0]!.field).toBe("plan.pump.model");
  });

  it("patientFromPlan takes weight, height, age, sex and Hct; engine limits name the plan field", () => {
    const p = clone(adult80);
    expect(patientFromPlan(p)).toEqual({ weightKg: 80, heightCm: 180, ageYears: 65, sex: "male", hct: 0.42 });
    p.patient.hct = 0.7;
    expect(problemsOf(() => patientFromPlan(p))[0]!.field).toBe("plan.patient.hct");
  });

  it("initiation: arterial unclamped before the venous line, pump stepped to the target over 60 s", () => {
    const p = adult80;
    const a = initiationActions(p, 10);
    const flows = a.filter((x) => x.type === "arterialPump.setFlow");
    expect(flows.map((x) => x.t)).toEqual([15, 30, 45, 60, 75]);
    expect(flows.at(-1)).toMatchObject({ flowLPerMin: p.targetFlowLPerMin });
    const art = a.find((x) => x.type === "clamp.set" && x.clamp === "arterialLine")!;
    const ven = a.find((x) => x.type === "clamp.set" && x.clamp === "venousLine")!;
    expect(art.t).toBeLessThan(ven.t);
    // Centrifugal: brought to a speed with 120 mmHg shut-off head before the arterial line opens (Rotaflow a 28).
    const rpm = a.find((x) => x.type === "arterialPump.setRpm")!;
    expect(rpm.t).toBeLessThan(art.t);
    expect(rpm).toMatchObject({ rpm: Math.round(1000 * Math.sqrt(120 / 28)) });
  });
});
