/**
 * Actions: timestamped changes `{ t, type, ...params }` applied at step boundaries. One zod schema
 * (a discriminated union on `type`) validates them at every boundary; units are in the field names.
 */
import { z } from "zod";
import { InputError } from "../common/errors.ts";
import { parseOrThrow } from "../common/zod.ts";
import { DRUG_NAMES } from "./patient/chemistry.ts";
import { FLUIDS } from "./patient/fluids.ts";
import { RHYTHMS } from "./patient/heart.ts";

export interface Action {
  t: number;
  type: string;
  [k: string]: unknown;
}

const t = z.number().finite().min(0);
const num = (min: number, max: number) => z.number().finite().min(min).max(max);

export const ACTION_SCHEMAS = {
  "drug.bolus": z
    .object({ t, type: z.literal("drug.bolus"), drug: z.enum(DRUG_NAMES), amount: num(0, 1e6) })
    .strict(),
  "drug.infusion": z
    .object({ t, type: z.literal("drug.infusion"), drug: z.enum(DRUG_NAMES), ratePerMin: num(0, 1e5) })
    .strict(),
  "fluid.give": z
    .object({
      t,
      type: z.literal("fluid.give"),
      fluid: z.enum(FLUIDS),
      volumeMl: num(0, 10000),
      overSeconds: num(0, 86400).optional(),
      tempC: num(0, 42).optional(),
    })
    .strict(),
  "bleeding.set": z.object({ t, type: z.literal("bleeding.set"), rateMlPerMin: num(0, 10000) }).strict(),
  "ventilator.set": z
    .object({
      t,
      type: z.literal("ventilator.set"),
      mode: z.enum(["off", "spontaneous", "controlled"]),
      fio2: num(0.21, 1).optional(),
      rateBpm: num(0, 150).optional(),
      tidalVolumeMl: num(0, 2000).optional(),
      peepCmH2O: num(0, 30).optional(),
    })
    .strict(),
  "heart.setRhythm": z.object({ t, type: z.literal("heart.setRhythm"), rhythm: z.enum(RHYTHMS) }).strict(),
  "heart.defibrillate": z
    .object({ t, type: z.literal("heart.defibrillate"), energyJ: num(0, 400).optional() })
    .strict(),
  "patient.setTemperature": z
    .object({ t, type: z.literal("patient.setTemperature"), tempC: num(10, 42) })
    .strict(),
  "thermal.setBlanket": z
    .object({
      t,
      type: z.literal("thermal.setBlanket"),
      /** Water temperature of a heating/cooling blanket; null turns it off. */
      waterTempC: num(0, 42).nullable(),
    })
    .strict(),
  "patient.set": z
    .object({
      t,
      type: z.literal("patient.set"),
      svrFactor: num(0.3, 3).optional(),
      pvrFactor: num(0.3, 10).optional(),
      contractilityFactor: num(0.2, 2).optional(),
      shuntFraction: num(0, 0.6).optional(),
      deadSpaceFraction: num(0.1, 0.8).optional(),
      pdaOpenFraction: num(0, 1).optional(),
      baroreflex: z.boolean().optional(),
    })
    .strict(),
} as const;

export const ACTION_TYPES = Object.keys(ACTION_SCHEMAS) as (keyof typeof ACTION_SCHEMAS)[];

const union = z.discriminatedUnion("type", [
  ACTION_SCHEMAS["drug.bolus"],
  ACTION_SCHEMAS["drug.infusion"],
  ACTION_SCHEMAS["fluid.give"],
  ACTION_SCHEMAS["bleeding.set"],
  ACTION_SCHEMAS["ventilator.set"],
  ACTION_SCHEMAS["heart.setRhythm"],
  ACTION_SCHEMAS["heart.defibrillate"],
  ACTION_SCHEMAS["patient.setTemperature"],
  ACTION_SCHEMAS["thermal.setBlanket"],
  ACTION_SCHEMAS["patient.set"],
]);

export type ValidAction = z.infer<typeof union>;
export const actionSchema: z.ZodType<Action> = union as unknown as z.ZodType<Action>;

/**
 * Validates one action; InputError names each bad field (e.g. `action.rateMlPerMin`) and what is allowed.
 * The type is checked first, so an unknown type gets the list of known ones rather than a union error.
 */
export function validateAction(input: unknown, field = "action"): ValidAction {
  const type = (input as { type?: unknown } | null)?.type;
  if (typeof type !== "string" || !(ACTION_TYPES as readonly string[]).includes(type)) {
    throw new InputError({
      field: `${field}.type`,
      allowed: `one of: ${ACTION_TYPES.join(", ")}`,
      received: type === undefined ? "nothing" : JSON.stringify(type),
    });
  }
  return parseOrThrow(ACTION_SCHEMAS[type as keyof typeof ACTION_SCHEMAS], input, field) as ValidAction;
}
