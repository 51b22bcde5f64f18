import { describe, expect, it } from "vitest";
import { z } from "zod";
import { InputError } from "./errors.ts";
import { parseOrThrow } from "./zod.ts";

const schema = z
  .object({
    weightKg: z.number().gt(0).max(300),
    mode: z.enum(["cpb", "ecmo"]),
    actions: z.array(z.object({ t: z.number().min(0) }).strict()).max(2),
  })
  .strict();

function problemsOf(input: unknown) {
  try {
    parseOrThrow(schema, input, "plan");
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).problems;
  }
  throw new Error("expected an InputError");
}

describe("parseOrThrow", () => {
  it("returns the parsed value when valid", () => {
    expect(parseOrThrow(schema, { weightKg: 70, mode: "cpb", actions: [] })).toEqual({
      weightKg: 70,
      mode: "cpb",
      actions: [],
    });
  });

  it("names each bad field with its path, the allowed values and what was received", () => {
    const p = problemsOf({ weightKg: 0, mode: "x", actions: [{ t: -1 }, { t: 2, bogus: 1 }] });
    expect(p).toContainEqual({ field: "plan.weightKg", allowed: "a number > 0", received: "0" });
    expect(p).toContainEqual({ field: "plan.mode", allowed: "one of: cpb, ecmo", received: '"x"' });
    expect(p).toContainEqual({ field: "plan.actions[0].t", allowed: "a number ≥ 0", received: "-1" });
    expect(p.find((q) => q.field === "plan.actions[1].bogus")?.allowed).toMatch(/not a known field/);
  });

  it("reports missing and wrongly typed fields", () => {
    const p = problemsOf({ weightKg: "70", actions: [1, 2, 3] });
    expect(p).toContainEqual({ field: "plan.weightKg", allowed: "a finite number", received: '"70"' });
    expect(p).toContainEqual({
      field: "plan.mode",
      allowed: "given as one of: cpb, ecmo",
      received: "nothing",
    });
    expect(p.find((q) => q.field === "plan.actions")?.allowed).toBe("at most 2 item(s)");
  });
});
