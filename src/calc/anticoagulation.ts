/**
 * Heparin and protamine (shared/reference/reference-data.md §6.1–6.2).
 *
 * Heparin load:   U = W (kg) × U/kg; 300 U/kg is a common empiric dose (Haas 2016; BJA study), 300–400 U/kg with
 *                 extra doses to keep ACT > 480 s [S2].
 * Bull method:    slope = (ACT_post − ACT_base) / dose (s per U/kg); extra dose = (ACT_target − ACT_post) / slope.
 *                 A straight-line dose-response through the baseline and the post-dose ACT (Bull BS et al.,
 *                 JTCVS 1975;69:685).
 * Protamine:      mg = heparin U × (mg per 100 U) / 100; 1 mg neutralises ≥ 100 U (FDA label); 1.0–1.3 mg/100 U.
 */
import { InputError } from "../common/errors.ts";
import type { CalcResult, CalculatorSpec } from "./types.ts";
import { optionalInRange, RANGES, requireInRange } from "./validate.ts";

const MG_PER_100U_RANGE = { min: 0, minExclusive: true, max: 2, unit: "mg per 100 U" } as const;

export function heparin(input: { weightKg: number; unitsPerKg?: number }): CalcResult {
  const weightKg = requireInRange("weightKg", input.weightKg, RANGES.weightKg);
  const unitsPerKg = requireInRange("unitsPerKg", input.unitsPerKg ?? 300, RANGES.heparinUnitsPerKg);
  return {
    calculator: "heparin",
    value: weightKg * unitsPerKg,
    unit: "U",
    method: "weight-based",
    formula: "heparin (U) = W × U/kg",
    constants: { unitsPerKg },
    inputs: { weightKg, unitsPerKg },
    source:
      "300 IU/kg before CPB (Haas et al., Eur J Anaesthesiol 2016;33:408; BJA study); 300–400 U/kg, ACT > 480 s [S2]; reference §6.1",
  };
}

export function heparinDoseResponse(input: {
  actBaselineS: number;
  actS: number;
  doseUnitsPerKg: number;
  targetActS?: number;
  weightKg?: number;
}): CalcResult {
  const actBaselineS = requireInRange("actBaselineS", input.actBaselineS, RANGES.actS);
  const actS = requireInRange("actS", input.actS, RANGES.actS);
  const dose = requireInRange("doseUnitsPerKg", input.doseUnitsPerKg, RANGES.heparinUnitsPerKg);
  const targetActS = requireInRange("targetActS", input.targetActS ?? 480, RANGES.actS);
  const weightKg = optionalInRange("weightKg", input.weightKg, RANGES.weightKg);
  if (actS <= actBaselineS) {
    throw new InputError({
      field: "actS",
      allowed: `> the baseline ACT (${actBaselineS} s): with no rise the dose-response slope is 0 and no dose can be predicted (consider heparin resistance)`,
      received: String(actS),
    });
  }
  const slope = (actS - actBaselineS) / dose;
  const extraUnitsPerKg = Math.max(0, (targetActS - actS) / slope);
  const inputs: Record<string, number | string> = { actBaselineS, actS, doseUnitsPerKg: dose, targetActS };
  const extra: NonNullable<CalcResult["extra"]> = {
    slopeSPerUnitPerKg: { value: slope, unit: "s per U/kg" },
  };
  if (weightKg !== undefined) {
    inputs.weightKg = weightKg;
    extra.extraUnits = { value: extraUnitsPerKg * weightKg, unit: "U" };
  }
  return {
    calculator: "heparin-dose-response",
    value: extraUnitsPerKg,
    unit: "U/kg",
    method: "bull",
    formula: "slope = (ACT − ACT_base) / dose; extra = max(0, (ACT_target − ACT) / slope)",
    constants: {},
    inputs,
    source: "Bull BS et al., JTCVS 1975;69:685 (dose-response curve, target 400/480 s); reference §6.1",
    extra,
  };
}

export function protamine(input: { heparinUnits: number; mgPer100U?: number }): CalcResult {
  const heparinUnits = requireInRange("heparinUnits", input.heparinUnits, RANGES.heparinUnits);
  const mgPer100U = requireInRange("mgPer100U", input.mgPer100U ?? 1, MG_PER_100U_RANGE);
  return {
    calculator: "protamine",
    value: (heparinUnits * mgPer100U) / 100,
    unit: "mg",
    method: "ratio",
    formula: "protamine (mg) = heparin (U) × mg per 100 U / 100",
    constants: { mgPer100U },
    inputs: { heparinUnits, mgPer100U },
    source:
      "1 mg neutralises ≥ 100 U heparin, give slowly, ≤ 50 mg per dose (FDA label); 1.0–1.3 mg/100 U (NCT00684450; STS/SCA summary [S2]); reference §6.2",
  };
}

export const heparinSpec: CalculatorSpec = {
  name: "heparin",
  summary: "Heparin loading dose (U) = weight × U/kg",
  source: "Haas 2016 (300 IU/kg); reference §6.1",
  params: [
    {
      key: "weightKg",
      flag: "weight-kg",
      description: "body weight",
      kind: "number",
      range: RANGES.weightKg,
    },
    {
      key: "unitsPerKg",
      flag: "units-per-kg",
      description: "dose per kg",
      kind: "number",
      range: RANGES.heparinUnitsPerKg,
      default: 300,
    },
  ],
  run: (i) => heparin({ weightKg: i.weightKg as number, unitsPerKg: i.unitsPerKg as number }),
};

export const heparinDoseResponseSpec: CalculatorSpec = {
  name: "heparin-dose-response",
  summary: "Extra heparin (U/kg) to reach a target ACT, Bull dose-response method",
  source: "Bull et al., JTCVS 1975;69:685; reference §6.1",
  params: [
    {
      key: "actBaselineS",
      flag: "act-baseline-s",
      description: "ACT before heparin",
      kind: "number",
      range: RANGES.actS,
    },
    { key: "actS", flag: "act-s", description: "ACT after the dose", kind: "number", range: RANGES.actS },
    {
      key: "doseUnitsPerKg",
      flag: "dose-units-per-kg",
      description: "heparin given so far",
      kind: "number",
      range: RANGES.heparinUnitsPerKg,
    },
    {
      key: "targetActS",
      flag: "target-act-s",
      description: "ACT wanted",
      kind: "number",
      range: RANGES.actS,
      default: 480,
    },
    {
      key: "weightKg",
      flag: "weight-kg",
      description: "body weight, to give the extra dose in U",
      kind: "number",
      range: RANGES.weightKg,
      optional: true,
    },
  ],
  run: (i) =>
    heparinDoseResponse({
      actBaselineS: i.actBaselineS as number,
      actS: i.actS as number,
      doseUnitsPerKg: i.doseUnitsPerKg as number,
      targetActS: i.targetActS as number,
      weightKg: i.weightKg as number | undefined,
    }),
};

export const protamineSpec: CalculatorSpec = {
  name: "protamine",
  summary: "Protamine (mg) to neutralise a heparin dose",
  source: "FDA label (1 mg ≥ 100 U); NCT00684450 (1.3 mg/100 U); reference §6.2",
  params: [
    {
      key: "heparinUnits",
      flag: "heparin-units",
      description: "heparin to neutralise",
      kind: "number",
      range: RANGES.heparinUnits,
    },
    {
      key: "mgPer100U",
      flag: "mg-per-100u",
      description: "protamine per 100 U heparin (1.0–1.3 usual)",
      kind: "number",
      range: MG_PER_100U_RANGE,
      default: 1,
    },
  ],
  run: (i) => protamine({ heparinUnits: i.heparinUnits as number, mgPer100U: i.mgPer100U as number }),
};
