/**
 * Actions: timestamped changes `{ t, type, ...params }` applied at step boundaries. One zod schema
 * (a discriminated union on `type`) validates them at every boundary; units are in the field names.
 */
import { z } from "zod";
import { InputError } from "../common/errors.ts";
import { parseOrThrow } from "../common/zod.ts";
import { CARDIOPLEGIA_RECIPES } from "./circuit/cardioplegia.ts";
import { CLAMPS, FAULTS, INTERLOCKS } from "./cpb/circuit-model.ts";
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
      // Up to 30 days, the longest scenario: a maintenance infusion (e.g. 100 mL/h) can run for a whole long run.
      overSeconds: num(0, 2592000).optional(),
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
      metabolicRateFactor: num(0.3, 2).optional(),
      pdaOpenFraction: num(0, 1).optional(),
      baroreflex: z.boolean().optional(),
    })
    .strict(),
  // ---- Extracorporeal circuit (need a simulation built with a circuit).
  "arterialPump.setFlow": z
    .object({ t, type: z.literal("arterialPump.setFlow"), flowLPerMin: num(0, 10) })
    .strict(),
  "arterialPump.setRpm": z.object({ t, type: z.literal("arterialPump.setRpm"), rpm: num(0, 10000) }).strict(),
  "arterialPump.stop": z.object({ t, type: z.literal("arterialPump.stop") }).strict(),
  "clamp.set": z
    .object({ t, type: z.literal("clamp.set"), clamp: z.enum(CLAMPS), occlusion: num(0, 1) })
    .strict(),
  "gas.set": z
    .object({
      t,
      type: z.literal("gas.set"),
      fio2: num(0.21, 1).optional(),
      sweepGasFlowLPerMin: num(0, 15).optional(),
    })
    .strict(),
  "vaporizer.set": z.object({ t, type: z.literal("vaporizer.set"), percent: num(0, 8) }).strict(),
  "heaterCooler.set": z.object({ t, type: z.literal("heaterCooler.set"), waterTempC: num(1, 42) }).strict(),
  "vavd.set": z
    .object({ t, type: z.literal("vavd.set"), on: z.boolean(), pressureMmHg: num(-150, 0).optional() })
    .strict(),
  "cardioplegia.deliver": z
    .object({
      t,
      type: z.literal("cardioplegia.deliver"),
      volumeMl: num(1, 3000),
      route: z.enum(["antegrade", "retrograde"]).optional(),
      solution: z.enum(Object.keys(CARDIOPLEGIA_RECIPES) as [keyof typeof CARDIOPLEGIA_RECIPES]).optional(),
      flowMlPerMin: num(1, 1000).optional(),
    })
    .strict(),
  "aorticCrossClamp.set": z.object({ t, type: z.literal("aorticCrossClamp.set"), on: z.boolean() }).strict(),
  "suckers.set": z.object({ t, type: z.literal("suckers.set"), rateMlPerMin: num(0, 2000) }).strict(),
  "vent.set": z.object({ t, type: z.literal("vent.set"), rateMlPerMin: num(0, 1000) }).strict(),
  "haemoconcentrator.set": z
    .object({ t, type: z.literal("haemoconcentrator.set"), rateMlPerMin: num(0, 500) })
    .strict(),
  "circuit.transfuse": z
    .object({
      t,
      type: z.literal("circuit.transfuse"),
      volumeMl: num(1, 5000),
      rateMlPerMin: num(10, 2000).optional(),
    })
    .strict(),
  "circuit.sample": z.object({ t, type: z.literal("circuit.sample"), volumeMl: num(0.5, 50) }).strict(),
  "interlock.set": z
    .object({ t, type: z.literal("interlock.set"), interlock: z.enum(INTERLOCKS), enabled: z.boolean() })
    .strict(),
  "interlock.reset": z.object({ t, type: z.literal("interlock.reset") }).strict(),
  "fault.inject": z
    .object({ t, type: z.literal("fault.inject"), fault: z.enum(FAULTS), severity: num(0, 1) })
    .strict(),
  "fault.clear": z.object({ t, type: z.literal("fault.clear"), fault: z.enum(FAULTS) }).strict(),
  /** Closed (ECMO) circuits only: a new circuit (oxygenator, pump head, tubing) primed with `prime`. */
  "ecmo.changeCircuit": z
    .object({
      t,
      type: z.literal("ecmo.changeCircuit"),
      prime: z.enum(["crystalloid", "blood"]).optional(),
      /** Blood prime haematocrit (fraction); only with prime "blood" (default 0.28). */
      primeHct: num(0.1, 0.6).optional(),
      primeHeparinU: num(0, 20000).optional(),
      /** Flow stops (pump off, lines clamped) for this long while the circuits are swapped, s (default 60). */
      interruptionS: num(0, 600).optional(),
    })
    .strict(),
} as const;

/** Action types that act on the extracorporeal circuit. */
export const CIRCUIT_ACTION_TYPES: readonly string[] = [
  "arterialPump.setFlow",
  "arterialPump.setRpm",
  "arterialPump.stop",
  "clamp.set",
  "gas.set",
  "vaporizer.set",
  "heaterCooler.set",
  "vavd.set",
  "cardioplegia.deliver",
  "aorticCrossClamp.set",
  "suckers.set",
  "vent.set",
  "haemoconcentrator.set",
  "circuit.transfuse",
  "circuit.sample",
  "interlock.set",
  "interlock.reset",
  "fault.inject",
  "fault.clear",
  "ecmo.changeCircuit",
];

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
  ACTION_SCHEMAS["arterialPump.setFlow"],
  ACTION_SCHEMAS["arterialPump.setRpm"],
  ACTION_SCHEMAS["arterialPump.stop"],
  ACTION_SCHEMAS["clamp.set"],
  ACTION_SCHEMAS["gas.set"],
  ACTION_SCHEMAS["vaporizer.set"],
  ACTION_SCHEMAS["heaterCooler.set"],
  ACTION_SCHEMAS["vavd.set"],
  ACTION_SCHEMAS["cardioplegia.deliver"],
  ACTION_SCHEMAS["aorticCrossClamp.set"],
  ACTION_SCHEMAS["suckers.set"],
  ACTION_SCHEMAS["vent.set"],
  ACTION_SCHEMAS["haemoconcentrator.set"],
  ACTION_SCHEMAS["circuit.transfuse"],
  ACTION_SCHEMAS["circuit.sample"],
  ACTION_SCHEMAS["interlock.set"],
  ACTION_SCHEMAS["interlock.reset"],
  ACTION_SCHEMAS["fault.inject"],
  ACTION_SCHEMAS["fault.clear"],
  ACTION_SCHEMAS["ecmo.changeCircuit"],
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
