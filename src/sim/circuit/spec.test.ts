import { describe, expect, it } from "vitest";
import { InputError } from "../../common/errors.ts";
import { COMPARTMENT_NAMES } from "../patient/layout.ts";
import adult from "./fixtures/adult-cpb.json" with { type: "json" };
import neonate from "./fixtures/neonatal-cpb.json" with { type: "json" };
import { parseCircuit, validateCircuit } from "./spec.ts";
import { buildTubingParams } from "./tubing.ts";

const COMPARTMENTS: readonly string[] = COMPARTMENT_NAMES;
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
const problems = (input: unknown, opts = { patientCompartments: COMPARTMENTS }) => {
  const r = validateCircuit(input, opts);
  return r.ok ? [] : r.problems;
};

describe("circuit fixtures", () => {
  it("the adult and neonatal circuits validate against the patient's compartments", () => {
    expect(problems(adult)).toEqual([]);
    expect(problems(neonate)).toEqual([]);
    expect(parseCircuit(adult, { patientCompartments: COMPARTMENTS }).components.length).toBe(
      adult.components.length,
    );
  });
  it('adult tubing prime: 1.83 m 1/2" + 0.6 m 1/2" + 0.6 m 3/8" + 1.83 m 3/8" = 481 mL (π r² L per segment)', () => {
    const v = adult.components
      .filter((c) => c.type === "tubing")
      .reduce((s, c) => s + buildTubingParams(c.params).volumeMl, 0);
    expect(v).toBeCloseTo(126.677 * 2.43 + 71.256 * 2.43, 1);
  });
});

describe("validateCircuit reports every problem", () => {
  it("an oxygenator rated below the planned flow (vector 72: FX25 at 7.5 L/min exceeds 7.0)", () => {
    const p = problems(adult, { patientCompartments: COMPARTMENTS, plannedFlowLPerMin: 7.5 } as never);
    expect(p).toEqual([
      {
        field: "circuit.components[6].params.maxFlowLPerMin",
        allowed: "≥ the planned flow (7.5 L/min): choose a larger oxygenator",
        received: "7",
      },
    ]);
  });
  it("[76] FX05 at 1.6 L/min exceeds 1.5; below the minimum is reported too", () => {
    const n = clone(neonate);
    n.plannedFlowLPerMin = 1.6;
    expect(problems(n).map((x) => x.field)).toEqual(["circuit.components[5].params.maxFlowLPerMin"]);
    const a = clone(adult);
    a.plannedFlowLPerMin = 0.4;
    expect(problems(a).map((x) => x.field)).toEqual(["circuit.components[6].params.minFlowLPerMin"]);
  });
  it("a cannula in a vessel the patient does not have, and a sucker from an unknown compartment", () => {
    const a = clone(adult);
    (a.components[9]!.params as { vessel: string }).vessel = "aorta";
    a.components[10]!.inlet = "patient.chest";
    const p = problems(a);
    expect(p.map((x) => x.field)).toEqual([
      "circuit.components[10].inlet",
      "circuit.components[9].params.vessel",
    ]);
    expect(p[1]!.allowed).toMatch(/one of rightAtrium, rightVentricle/);
  });
  it("an unconnected component, a port connected twice, a bad port name and a missing required port — all at once", () => {
    const a = clone(adult);
    a.components.push({
      id: "spareLine",
      type: "tubing",
      params: { internalDiameterIn: "3/8", lengthM: 1 },
    } as never);
    a.components[12]!.outlet = "venousReservoir.cardiotomyIn1"; // already taken by the sucker
    a.components[3]!.outlet = "arterialPump.suction"; // no such port
    const p = problems(a);
    const fields = p.map((x) => x.field);
    expect(fields).toContain("circuit.components[27]"); // spareLine unconnected
    expect(fields).toContain("circuit.components[12].outlet"); // cardiotomyIn1 twice
    expect(fields).toContain("circuit.components[3].outlet"); // bad port
    expect(fields).toContain("circuit.components[4].inlet"); // arterialPump.inlet now unconnected
    expect(p.find((x) => x.field === "circuit.components[12].outlet")!.allowed).toMatch(
      /already connected to sucker.outlet/,
    );
  });
  it("duplicate ids, unknown references, sensors without a place and bad params with their paths", () => {
    const a = clone(adult);
    a.components[1]!.id = "venousCannula";
    (a.components[4]!.params as { bootSize: string }).bootSize = "7/8";
    delete (a.components[16] as { at?: string }).at;
    a.components[17]!.at = "nowhere";
    const p = problems(a);
    const fields = p.map((x) => x.field);
    expect(fields).toContain("circuit.components[1].id");
    expect(fields).toContain("circuit.components[4].params.bootSize");
    expect(fields).toContain("circuit.components[16].at");
    expect(fields).toContain("circuit.components[17].at");
  });
  it("cross-field param errors from the builders (reservoir minimum ≥ capacity)", () => {
    const a = clone(adult);
    (a.components[2]!.params as { minOperatingLevelMl: number }).minOperatingLevelMl = 5000;
    expect(problems(a).map((x) => x.field)).toContain("circuit.components[2].params.minOperatingLevelMl");
  });
  it("structural errors come from the schema; parseCircuit throws an InputError with all of them", () => {
    expect(problems({ components: [] })[0]).toEqual({
      field: "circuit.components",
      allowed: "at least 1 item(s)",
      received: "a list",
    });
    const bad = { components: [{ id: "9x", type: "warpDrive", inlet: "nowhere" }] };
    expect(
      problems(bad)
        .map((x) => x.field)
        .sort(),
    ).toEqual(["circuit.components[0].id", "circuit.components[0].inlet", "circuit.components[0].type"]);
    expect(() => parseCircuit(bad)).toThrow(InputError);
  });
  it("without a compartment list, vessels are not checked", () => {
    const a = clone(adult);
    (a.components[9]!.params as { vessel: string }).vessel = "anywhere";
    expect(validateCircuit(a).ok).toBe(true);
  });
});
