/** Error paths: every bad input is an InputError naming the field and what is allowed. */
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/common/errors.ts";
import { createSimulation, patientFromPreset, validatePatientSpec } from "../../src/sim/index.ts";
import { sim } from "./helpers.ts";

function inputError(f: () => unknown): InputError {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error("expected an InputError");
}

describe("patients", () => {
  it("unknown preset lists the allowed names", () => {
    const e = inputError(() => patientFromPreset("elephant"));
    expect(e.problems[0]!.field).toBe("patient");
    expect(e.message).toContain("neonate, infant, child, adult-male, adult-female");
  });
  for (const weightKg of [0, 900, -1, Number.NaN]) {
    it(`weight ${weightKg} kg is rejected with the supported range`, () => {
      const e = inputError(() =>
        createSimulation({ patient: { ...patientFromPreset("adult-male"), weightKg } }),
      );
      expect(e.problems[0]!.field).toBe("patient.weightKg");
      expect(e.problems[0]!.allowed).toContain("2.5");
      expect(e.problems[0]!.allowed).toContain("150");
    });
  }
  it("unknown field and wrong sex are named", () => {
    const e = inputError(() => validatePatientSpec({ ...patientFromPreset("child"), sex: "x", colour: 1 }));
    const fields = e.problems.map((p) => p.field);
    expect(fields).toContain("patient.sex");
    expect(fields.some((f) => f.includes("colour"))).toBe(true);
  });
  it("a baseline ACT outside 80–250 s is rejected with its range", () => {
    const e = inputError(() =>
      validatePatientSpec({ ...patientFromPreset("adult-male"), baselineActS: 400 }),
    );
    expect(e.problems[0]!.field).toBe("patient.baselineActS");
    expect(e.problems[0]!.allowed).toBe("a number ≥ 80 and ≤ 250 s");
  });
  it("a bad seed is rejected", () => {
    expect(() => createSimulation({ patient: patientFromPreset("child"), seed: 1.5 })).toThrow(InputError);
  });
});

describe("signals", () => {
  it("unknown signal lists similar names", () => {
    const e = inputError(() => sim("child").signalIndex("patient.mapp"));
    expect(e.problems[0]!.field).toBe("signal");
    expect(e.message).toContain("patient.map");
  });
  it("read of an out-of-range index is an InputError", () => {
    expect(() => sim("child").read(999)).toThrow(InputError);
  });
});

describe("actions", () => {
  it("unknown type lists the types", () => {
    const e = inputError(() => sim("child").schedule({ t: 1, type: "pump.explode" }));
    expect(e.problems[0]!.field).toBe("action.type");
    expect(e.message).toContain("bleeding.set");
  });
  it("out-of-range field is named with its range", () => {
    const e = inputError(() => sim("child").schedule({ t: 1, type: "bleeding.set", rateMlPerMin: -5 }));
    expect(e.problems[0]!.field).toBe("action.rateMlPerMin");
    expect(e.problems[0]!.allowed).toContain("0");
  });
  it("a fluid order longer than 30 days is refused with its range", () => {
    const e = inputError(() =>
      sim("child").schedule({
        t: 1,
        type: "fluid.give",
        fluid: "crystalloid",
        volumeMl: 100,
        overSeconds: 2592001,
      }),
    );
    expect(e.problems[0]!.field).toBe("action.overSeconds");
    expect(e.problems[0]!.allowed).toContain("2592000");
  });
  it("unknown drug and fluid are named", () => {
    const s = sim("child");
    expect(
      inputError(() => s.schedule({ t: 1, type: "drug.bolus", drug: "unobtainium", amount: 1 })).problems[0]!
        .field,
    ).toBe("action.drug");
    expect(
      inputError(() => s.schedule({ t: 1, type: "fluid.give", fluid: "lemonade", volumeMl: 10 })).problems[0]!
        .field,
    ).toBe("action.fluid");
  });
  it("an action in the past is rejected", () => {
    const s = sim("child");
    s.advance(2);
    const e = inputError(() => s.schedule({ t: 1, type: "bleeding.set", rateMlPerMin: 5 }));
    expect(e.problems[0]!.field).toBe("action.t");
  });
  it("advance with a negative or non-finite time is rejected", () => {
    expect(() => sim("child").advance(-1)).toThrow(InputError);
    expect(() => sim("child").advance(Number.POSITIVE_INFINITY)).toThrow(InputError);
  });
  it("actions apply at the first step boundary at or after t", () => {
    const s = sim("child");
    s.schedule({ t: 0.0105, type: "bleeding.set", rateMlPerMin: 600 });
    s.advance(0.01);
    expect(read0(s)).toBe(0);
    s.advance(1);
    expect(read0(s)).toBeGreaterThan(0);
  });
});

function read0(s: ReturnType<typeof sim>): number {
  return s.read(s.signalIndex("patient.bleedingTotal"));
}
