/**
 * Reads a plan written by `perfuse plan --json` (for `perfuse simulate --plan`). The file is validated with a
 * zod schema of the fields the simulator uses (src/planner/to-circuit.ts); other plan fields pass through.
 * A file that is not JSON, or JSON that is not a plan, is refused with one clear line; a plan with bad fields
 * names each of them.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { InputError } from "../common/errors.ts";
import { zodProblems } from "../common/zod.ts";
import type { Plan } from "../planner/types.ts";

const size = z.enum(["3/16", "1/4", "5/16", "3/8", "1/2", "5/8"]);
const positive = z.number().finite().positive();
const line = z.looseObject({ sizeIn: size, lengthCm: positive, volumeMl: z.number().nonnegative() });

/** The plan fields the simulator reads. */
export const planFileSchema = z.looseObject({
  schemaVersion: z.literal(1),
  patient: z.looseObject({
    weightKg: positive,
    heightCm: positive,
    ageYears: z.number().finite().nonnegative(),
    sex: z.enum(["male", "female"]).optional(),
    hct: z.number().gt(0).lt(1),
    procedure: z.enum(["cpb", "va-ecmo", "vv-ecmo"]),
  }),
  protocol: z.string(),
  targetFlowLPerMin: positive,
  maxFlowLPerMin: positive,
  pump: z.looseObject({
    type: z.enum(["roller", "centrifugal"]),
    bootSizeIn: size.optional(),
    strokeVolumeMlPerRev: positive.optional(),
    maxRpm: positive.optional(),
    model: z.string().optional(),
  }),
  oxygenator: z.looseObject({
    id: z.string(),
    model: z.string(),
    manufacturer: z.string(),
    minFlowLPerMin: z.number().nonnegative(),
    maxFlowLPerMin: positive,
    primeMl: positive,
    integratedArterialFilter: z.boolean(),
  }),
  reservoir: z
    .looseObject({ id: z.string(), capacityMl: positive, minOperatingLevelMl: z.number().nonnegative() })
    .nullable(),
  arterialFilter: z.looseObject({ id: z.string(), primeMl: z.number().nonnegative() }).nullable(),
  tubing: z.looseObject({
    arterial: line,
    venous: line,
    pump: line.optional(),
    sucker: line.optional(),
    vent: line.optional(),
    cardioplegia: line.optional(),
  }),
  drainageHeightCm: z.number().min(-50).max(150),
  cannulae: z
    .array(
      z.looseObject({
        role: z.enum(["arterial", "venous", "drainage", "return", "dual-lumen"]),
        id: z.string().optional(),
        fr: positive.nullable(),
        model: z.string(),
        flowLPerMin: positive,
      }),
    )
    .min(1),
  vavdMmHg: z.number().nonnegative(),
  primeVolumeMl: positive,
  predictedHct: z.number().gt(0).lt(1),
  primeHct: z.number().min(0).max(0.6).optional(),
  rbcHct: z.number().gt(0).max(1).optional(),
  primeRecipe: z.array(z.looseObject({ name: z.string(), amount: z.number(), unit: z.string() })),
  heparinUnits: z.number().nonnegative(),
  cardioplegia: z
    .looseObject({
      solution: z.string(),
      doseMl: positive,
      bloodMl: z.number().nonnegative(),
      ratio: z.string(),
    })
    .nullable(),
});

const NOT_A_PLAN = "the JSON printed by `perfuse plan --json` (saved to a file)";

/** Validates a parsed plan document; InputError naming every bad field (`plan.<field>`). */
export function parsePlan(doc: unknown): Plan {
  if (doc === null || typeof doc !== "object" || Array.isArray(doc) || !("schemaVersion" in doc)) {
    throw new InputError({
      field: "--plan",
      allowed: NOT_A_PLAN,
      received: doc === null || typeof doc !== "object" ? String(doc) : "JSON without a plan's schemaVersion",
    });
  }
  const r = planFileSchema.safeParse(doc);
  if (!r.success) throw new InputError(zodProblems(r.error, doc, "plan"));
  return doc as Plan;
}

/** Reads and validates a plan file. */
export function loadPlan(path: string): Plan {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError({
      field: "--plan",
      allowed: "a readable plan file (perfuse plan … --json > plan.json)",
      received: `${JSON.stringify(path)}${code === "ENOENT" ? " (no such file)" : code ? ` (${code})` : ""}`,
    });
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new InputError({
      field: "--plan",
      allowed: NOT_A_PLAN,
      received: `${JSON.stringify(path)}: not valid JSON (${(e as Error).message.split("\n")[0]})`,
    });
  }
  return parsePlan(doc);
}
