import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../common/errors.ts";
import { resolvePatient, validateScenario } from "./schema.ts";

function problems(doc: unknown) {
  try {
    validateScenario(doc);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).problems;
  }
  throw new Error("expected the scenario to be refused");
}

describe("scenario schema", () => {
  it("accepts a preset patient and sorts actions by time, keeping file order for ties", () => {
    const s = validateScenario({
      patient: "adult-male",
      durationS: 100,
      actions: [
        { t: 50, type: "bleeding.set", rateMlPerMin: 100 },
        { t: 10, type: "bleeding.set", rateMlPerMin: 200 },
        { t: 10, type: "heart.defibrillate" },
      ],
    });
    expect(s.patient.weightKg).toBe(80);
    expect(s.actions.map((a) => [a.t, a.type])).toEqual([
      [10, "bleeding.set"],
      [10, "heart.defibrillate"],
      [50, "bleeding.set"],
    ]);
  });

  it("lets a patient object start from a preset and override fields", () => {
    expect(resolvePatient({ preset: "adult-male", weightKg: 95 }).weightKg).toBe(95);
  });

  it("names every problem: unknown preset, unknown field, bad action type, action field, time in the past", () => {
    const p = problems({
      patient: "giant",
      durationS: 60,
      colour: "red",
      actions: [
        { t: 1, type: "teleport" },
        { t: 2, type: "bleeding.set", rateMlPerMin: -5 },
        { t: -1, type: "heart.defibrillate" },
        { t: 61, type: "heart.defibrillate" },
      ],
    });
    const fields = p.map((q) => q.field);
    expect(fields).toContain("colour");
    expect(p.find((q) => q.field === "actions[0].type")?.allowed).toMatch(/one of: .*bleeding\.set/);
    expect(fields).toContain("actions[1].rateMlPerMin");
    expect(fields).toContain("actions[2].t");
    expect(fields).toContain("actions[3].t");
    expect(fields).toContain("patient");
    const p2 = problems({
      patient: "giant",
      durationS: 60,
      actions: [
        { t: 2, type: "bleeding.set", rateMlPerMin: -5 },
        { t: -1, type: "heart.defibrillate" },
        { t: 61, type: "heart.defibrillate" },
      ],
    });
    expect(p2.map((q) => q.field)).toEqual([
      "patient",
      "actions[0].rateMlPerMin",
      "actions[1].t",
      "actions[2].t",
    ]);
    expect(p2[0]?.allowed).toMatch(/one of: neonate, infant, child, adult-male, adult-female/);
  });

  it("refuses a document that is not a scenario", () => {
    expect(problems("just text")[0]?.field).toBe("(input)");
    expect(problems({ actions: [] }).map((q) => q.field)).toContain("patient");
    expect(problems({ patient: "adult-male", durationS: -5 }).map((q) => q.field)).toContain("durationS");
  });
});

describe("scenario circuit field", () => {
  const circuitFixture = () =>
    JSON.parse(
      readFileSync(join(import.meta.dirname, "..", "sim", "circuit", "fixtures", "adult-cpb.json"), "utf8"),
    ) as { components: { id: string; params?: Record<string, unknown> }[] };
  it("accepts a scenario with a circuit and circuit actions", () => {
    const s = validateScenario({
      patient: "adult-male",
      circuit: circuitFixture(),
      actions: [{ t: 1, type: "arterialPump.setFlow", flowLPerMin: 4 }],
    });
    expect(s.circuit).toBeDefined();
  });
  it("refuses circuit actions without a circuit, and lists every problem of an invalid circuit", () => {
    expect(
      problems({
        patient: "adult-male",
        actions: [{ t: 1, type: "clamp.set", clamp: "venousLine", occlusion: 1 }],
      }),
    ).toEqual([
      {
        field: "actions[0].type",
        allowed: "a patient action: the scenario has no `circuit`",
        received: '"clamp.set"',
      },
    ]);
    const c = circuitFixture();
    c.components.find((x) => x.id === "aorticCannula")!.params!.vessel = "aorta";
    c.components.find((x) => x.id === "oxygenator")!.params!.maxFlowLPerMin = 3;
    const fields = problems({ patient: "adult-male", circuit: c }).map((p) => p.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        "circuit.components[9].params.vessel",
        "circuit.components[6].params.maxFlowLPerMin",
      ]),
    );
  });
});
