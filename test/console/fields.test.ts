import { describe, expect, it } from "vitest";
import { actionFieldRange, engineActionRange, parseField } from "../../src/console/fields.ts";
import { validateAction } from "../../src/sim/index.ts";

describe("console fields", () => {
  it("reads ranges from the engine's action schema (optional fields too)", () => {
    expect(engineActionRange("fluid.give", "volumeMl")).toEqual({ min: 0, max: 10000 });
    expect(engineActionRange("ventilator.set", "fio2")).toEqual({ min: 0.21, max: 1 });
    expect(engineActionRange("drug.bolus", "nope")).toBeNull();
    expect(engineActionRange("nope", "x")).toBeNull();
  });

  it("refuses empty, non-number, negative and out-of-range input, naming the allowed range", () => {
    const r = actionFieldRange("fluid.give", "volumeMl", "mL");
    expect(parseField("", r)).toEqual({ ok: false, message: "Required: allowed 0–10000 mL" });
    expect(parseField("abc", r)).toEqual({ ok: false, message: "Not a number: allowed 0–10000 mL" });
    expect(parseField("12abc", r)).toEqual({ ok: false, message: "Not a number: allowed 0–10000 mL" });
    expect(parseField("-5", r)).toEqual({ ok: false, message: "Too low: allowed 0–10000 mL" });
    expect(parseField("10001", r)).toEqual({ ok: false, message: "Too high: allowed 0–10000 mL" });
    expect(parseField(" 250 ", r)).toEqual({ ok: true, value: 250, shown: 250 });
    expect(parseField("2,5", r)).toEqual({ ok: true, value: 2.5, shown: 2.5 });
  });

  it("scales shown units (FiO2 in %) and the engine accepts every value the field accepts", () => {
    const r = actionFieldRange("ventilator.set", "fio2", "%", { scale: 100 });
    expect([r.min, r.max]).toEqual([21, 100]);
    expect(parseField("20", r).ok).toBe(false);
    const p = parseField("21", r);
    expect(p).toEqual({ ok: true, value: 0.21, shown: 21 });
    if (p.ok)
      expect(() =>
        validateAction({ t: 0, type: "ventilator.set", mode: "controlled", fio2: p.value }),
      ).not.toThrow();
    const top = parseField("100", r);
    if (top.ok)
      expect(() =>
        validateAction({ t: 0, type: "ventilator.set", mode: "controlled", fio2: top.value }),
      ).not.toThrow();
  });

  it("can be stricter than the engine, never looser, and refuses fractions for whole-number fields", () => {
    const r = actionFieldRange("heart.defibrillate", "energyJ", "J", { max: 360, integer: true });
    expect(r.max).toBe(360);
    expect(parseField("200.5", r)).toEqual({
      ok: false,
      message: "Whole number: allowed 0–360 J, whole number",
    });
    expect(actionFieldRange("heart.defibrillate", "energyJ", "J", { max: 1e9 }).max).toBe(400);
  });
});
