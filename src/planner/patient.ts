/**
 * The planner's patient input and its checks. The planner supports 2.5–140 kg (the calculators accept up to
 * 300 kg): below 2.5 kg no catalogue cannula has data, above 140 kg the largest rated oxygenator (8 L/min)
 * no longer covers 2.8 L/min/m² with margin for most heights.
 */

import { type NumericRange, RANGES, requireChoice, requireInRange } from "../calc/validate.ts";
import { InputError } from "../common/errors.ts";
import {
  PROCEDURES,
  type Procedure,
  SURGERIES,
  type Surgery,
  VENOUS_CANNULATIONS,
  type VenousCannulation,
} from "./schema.ts";

export const PLANNER_RANGES = {
  weightKg: {
    min: 2.5,
    max: 140,
    unit: "kg (the planner's supported range; the calculators accept up to 300 kg)",
  },
  heightCm: { min: 40, max: 230, unit: "cm" },
  ageYears: RANGES.ageYears,
  hct: { min: 0.1, max: 0.75, unit: "(fraction 0.10–0.75)" },
  hbGPerDl: { min: 3, max: 25, unit: "g/dL" },
  lowestTempC: { min: 15, max: 37, unit: "°C" },
} as const satisfies Record<string, NumericRange>;

export const SEXES = ["male", "female"] as const;
export type Sex = (typeof SEXES)[number];

export interface PatientInput {
  weightKg: number;
  heightCm: number;
  ageYears: number;
  sex?: Sex;
  /** Pre-bypass haematocrit, fraction. When absent the protocol's default for the age is assumed (and warned). */
  hct?: number;
  hbGPerDl?: number;
  procedure: Procedure;
  /** Planned lowest temperature (°C); 37 when not given. */
  lowestTempC?: number;
  /** CPB: what the operation does to the right heart (decides bicaval cannulation by protocol); "standard". */
  surgery?: Surgery;
  /** CPB: "auto" (by protocol, the default), or force one venous cannula ("single") or two ("bicaval"). */
  venousCannulation?: VenousCannulation;
}

export interface Patient extends Required<Omit<PatientInput, "sex" | "hct" | "hbGPerDl">> {
  sex?: Sex;
  hct?: number;
  hbGPerDl?: number;
}

/** Checks every field and reports all problems at once. */
export function checkPatient(input: PatientInput): Patient {
  const problems: InputError[] = [];
  const attempt = <T>(fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (e) {
      if (e instanceof InputError) problems.push(e);
      else throw e;
      return undefined;
    }
  };
  const r = PLANNER_RANGES;
  const weightKg = attempt(() => requireInRange("weightKg", input.weightKg, r.weightKg));
  const heightCm = attempt(() => requireInRange("heightCm", input.heightCm, r.heightCm));
  const ageYears = attempt(() => requireInRange("ageYears", input.ageYears, r.ageYears));
  const procedure = attempt(() => requireChoice("procedure", input.procedure, PROCEDURES));
  const sex = input.sex === undefined ? undefined : attempt(() => requireChoice("sex", input.sex, SEXES));
  const hct = input.hct === undefined ? undefined : attempt(() => requireInRange("hct", input.hct, r.hct));
  const hbGPerDl =
    input.hbGPerDl === undefined
      ? undefined
      : attempt(() => requireInRange("hbGPerDl", input.hbGPerDl, r.hbGPerDl));
  const lowestTempC = attempt(() => requireInRange("lowestTempC", input.lowestTempC ?? 37, r.lowestTempC));
  const surgery = attempt(() => requireChoice("surgery", input.surgery ?? "standard", SURGERIES));
  const venousCannulation = attempt(() =>
    requireChoice("venousCannulation", input.venousCannulation ?? "auto", VENOUS_CANNULATIONS),
  );
  if (problems.length > 0) throw new InputError(problems.flatMap((p) => p.problems));
  const out: Patient = {
    weightKg: weightKg!,
    heightCm: heightCm!,
    ageYears: ageYears!,
    procedure: procedure!,
    lowestTempC: lowestTempC!,
    surgery: surgery!,
    venousCannulation: venousCannulation!,
  };
  if (sex !== undefined) out.sex = sex;
  if (hct !== undefined) out.hct = hct;
  if (hbGPerDl !== undefined) out.hbGPerDl = hbGPerDl;
  return out;
}
