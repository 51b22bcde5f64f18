/**
 * Haemodilution on going on bypass (shared/reference/reference-data.md §5). Haematocrits are fractions.
 *
 * Predicted on-bypass Hct, red-cell mass balance over patient blood, prime and any other clear fluid:
 *   Hct = (Hct_pt·EBV + Hct_prime·V_prime) / (EBV + V_prime + V_other − V_RAP)
 * This is the Terumo Hematocrit Calculator form (pre-bypass BV, anaesthesia fluid, prime, crystalloid
 * cardioplegia, minus retrograde autologous priming) [S], with a blood prime added as in the mixing form.
 *
 * Red cells for the prime, mass balance used here: the circuit volume is fixed, so V mL of donor blood
 * (haematocrit Hct_d) REPLACES V mL of clear prime. Red cells after mixing must equal
 * Hct_target · (EBV + V_prime):
 *   Hct_pt·EBV + Hct_d·V = Hct_target·(EBV + V_prime)  ⇒  V = [Hct_target·(EBV + V_prime) − Hct_pt·EBV] / Hct_d
 * This is the medicalalgorithms.com formula [S] with its divisor read as the DONOR Hct (the page writes
 * "patient hematocrit", a typo per reference §5). It reproduces reference vector 58 (75.6 mL). The other
 * balance, donor blood added ON TOP of the prime (total EBV + V_prime + V), gives
 * V = [...] / (Hct_d − Hct_target) = 151.3 mL for that case and does not match; it is not used.
 */
import { InputError } from "../common/errors.ts";
import { estimateBloodVolumeFromTable, SEXES, type Sex } from "./blood-volume.ts";
import type { CalcResult, CalculatorSpec, ParamSpec } from "./types.ts";
import { optionalInRange, RANGES, requireInRange } from "./validate.ts";

const TERUMO = "Terumo Hematocrit Calculator formulas (terumocv.com) [S], reference §5";

interface PatientInput {
  weightKg: number;
  /** Patient haematocrit before bypass, fraction. */
  hct: number;
  /** mL/kg for the EBV; without it the default band table of blood-volume is used. */
  ebvMlPerKg?: number;
  ageYears?: number;
  sex?: Sex;
}

function patient(input: PatientInput) {
  const weightKg = requireInRange("weightKg", input.weightKg, RANGES.weightKg);
  const hct = requireInRange("hct", input.hct, RANGES.hct);
  const ebvMlPerKg = optionalInRange("ebvMlPerKg", input.ebvMlPerKg, RANGES.ebvMlPerKg);
  const ageYears = optionalInRange("ageYears", input.ageYears, RANGES.ageYears);
  const sex = input.sex;
  if (sex !== undefined && !SEXES.includes(sex)) {
    throw new InputError({ field: "sex", allowed: `one of: ${SEXES.join(", ")}`, received: String(sex) });
  }
  const ebv = estimateBloodVolumeFromTable({ weightKg, ebvMlPerKg, ageYears, sex });
  const inputs: Record<string, number | string> = { weightKg, hct, ebvMlPerKg: ebv.mlPerKg };
  if (ageYears !== undefined) inputs.ageYears = ageYears;
  if (sex !== undefined) inputs.sex = sex;
  return { weightKg, hct, ebv, inputs };
}

export function dilutionHct(
  input: PatientInput & {
    primeMl: number;
    /** Haematocrit of the prime, fraction; 0 for a clear prime. */
    primeHct?: number;
    /** Other clear fluid given before or at the start of bypass (anaesthesia fluid, crystalloid cardioplegia). */
    otherFluidMl?: number;
    /** Prime removed by retrograde autologous priming. */
    rapMl?: number;
  },
): CalcResult {
  const p = patient(input);
  const primeMl = requireInRange("primeMl", input.primeMl, RANGES.volumeMl);
  const primeHct = requireInRange("primeHct", input.primeHct ?? 0, RANGES.hct);
  const otherFluidMl = requireInRange("otherFluidMl", input.otherFluidMl ?? 0, RANGES.volumeMl);
  const rapMl = requireInRange("rapMl", input.rapMl ?? 0, RANGES.volumeMl);
  if (rapMl > primeMl) {
    throw new InputError({
      field: "rapMl",
      allowed: `≤ the prime volume (${primeMl} mL): RAP can only remove prime that is there`,
      received: String(rapMl),
    });
  }
  if (rapMl > 0 && primeHct > 0) {
    throw new InputError({
      field: "rapMl",
      allowed: "0 with a blood prime (--prime-hct > 0): the RAP form assumes the removed prime is clear",
      received: String(rapMl),
    });
  }
  // EBV > 0 because weight > 0 and mL/kg ≥ 40, so the divisor is positive.
  const totalMl = p.ebv.ml + primeMl + otherFluidMl - rapMl;
  const value = (p.hct * p.ebv.ml + primeHct * primeMl) / totalMl;
  return {
    calculator: "dilution-hct",
    value,
    unit: "fraction",
    method: "dilution-hct",
    formula: `Hct = (Hct_pt·EBV + Hct_prime·V_prime) / (EBV + V_prime + V_other − V_RAP), EBV = W × ${p.ebv.mlPerKg} mL/kg (${p.ebv.band})`,
    constants: { mlPerKg: p.ebv.mlPerKg },
    inputs: { ...p.inputs, primeMl, primeHct, otherFluidMl, rapMl },
    source: `${TERUMO}; EBV: ${p.ebv.source}`,
    extra: {
      ebvMl: { value: p.ebv.ml, unit: "mL" },
      totalVolumeMl: { value: totalMl, unit: "mL" },
      hctPercent: { value: value * 100, unit: "%" },
    },
  };
}

export function rbcPrime(
  input: PatientInput & {
    primeMl: number;
    targetHct: number;
    /** Haematocrit of the donor blood (packed cells ~0.55–0.80). */
    donorHct: number;
  },
): CalcResult {
  const p = patient(input);
  const primeMl = requireInRange("primeMl", input.primeMl, RANGES.volumeMl);
  const targetHct = requireInRange("targetHct", input.targetHct, RANGES.hct);
  const donorHct = requireInRange("donorHct", input.donorHct, RANGES.hct);
  if (donorHct <= targetHct) {
    throw new InputError({
      field: "donorHct",
      allowed: `> the target Hct (${targetHct}): blood no richer than the target cannot raise the mix to it`,
      received: String(donorHct),
    });
  }
  const ebvMl = p.ebv.ml;
  const mixedHct = (p.hct * ebvMl) / (ebvMl + primeMl);
  const needed = (targetHct * (ebvMl + primeMl) - p.hct * ebvMl) / donorHct;
  const volumeMl = Math.max(0, needed);
  if (volumeMl > primeMl) {
    const reachable = (p.hct * ebvMl + donorHct * primeMl) / (ebvMl + primeMl);
    throw new InputError({
      field: "targetHct",
      allowed: `≤ ${reachable.toFixed(3)}, the Hct reached when the whole ${primeMl} mL prime is donor blood`,
      received: String(targetHct),
    });
  }
  return {
    calculator: "rbc-prime",
    value: volumeMl,
    unit: "mL",
    method: "rbc-prime",
    formula: `V = max(0, [Hct_target·(EBV + V_prime) − Hct_pt·EBV] / Hct_donor); donor blood replaces clear prime; EBV = W × ${p.ebv.mlPerKg} mL/kg (${p.ebv.band})`,
    constants: { mlPerKg: p.ebv.mlPerKg },
    inputs: { ...p.inputs, primeMl, targetHct, donorHct },
    source: `medicalalgorithms.com "cardiopulmonary bypass" [S] with the donor Hct as divisor (reference §5); EBV: ${p.ebv.source}`,
    extra: {
      ebvMl: { value: ebvMl, unit: "mL" },
      clearPrimeMl: { value: primeMl - volumeMl, unit: "mL" },
      hctWithClearPrime: { value: mixedHct, unit: "fraction" },
    },
  };
}

const PATIENT_PARAMS: readonly ParamSpec[] = [
  { key: "weightKg", flag: "weight-kg", description: "body weight", kind: "number", range: RANGES.weightKg },
  {
    key: "hct",
    flag: "hct",
    description: "patient haematocrit before bypass",
    kind: "number",
    range: RANGES.hct,
  },
  {
    key: "ebvMlPerKg",
    flag: "ebv-ml-per-kg",
    description: "blood volume per kg (default: the blood-volume band table)",
    kind: "number",
    range: RANGES.ebvMlPerKg,
    optional: true,
  },
  {
    key: "sex",
    flag: "sex",
    description: "sex, for the default table (men > 40 kg: 70 mL/kg)",
    kind: "choice",
    choices: SEXES,
    optional: true,
  },
];
const PRIME: ParamSpec = {
  key: "primeMl",
  flag: "prime-ml",
  description: "circuit prime volume",
  kind: "number",
  range: RANGES.volumeMl,
};

const patientInputs = (i: Record<string, unknown>): PatientInput => ({
  weightKg: i.weightKg as number,
  hct: i.hct as number,
  ebvMlPerKg: i.ebvMlPerKg as number | undefined,
  sex: i.sex as Sex | undefined,
});

export const dilutionHctSpec: CalculatorSpec = {
  name: "dilution-hct",
  summary: "Predicted haematocrit on bypass after mixing with the prime (fraction)",
  source: "Terumo Hematocrit Calculator formulas; reference §5",
  params: [
    ...PATIENT_PARAMS,
    PRIME,
    {
      key: "primeHct",
      flag: "prime-hct",
      description: "haematocrit of the prime (0 = clear prime)",
      kind: "number",
      range: RANGES.hct,
      default: 0,
    },
    {
      key: "otherFluidMl",
      flag: "other-fluid-ml",
      description: "other clear fluid (anaesthesia, crystalloid cardioplegia)",
      kind: "number",
      range: RANGES.volumeMl,
      default: 0,
    },
    {
      key: "rapMl",
      flag: "rap-ml",
      description: "clear prime removed by retrograde autologous priming",
      kind: "number",
      range: RANGES.volumeMl,
      default: 0,
    },
  ],
  run: (i) =>
    dilutionHct({
      ...patientInputs(i),
      primeMl: i.primeMl as number,
      primeHct: i.primeHct as number,
      otherFluidMl: i.otherFluidMl as number,
      rapMl: i.rapMl as number,
    }),
};

export const rbcPrimeSpec: CalculatorSpec = {
  name: "rbc-prime",
  summary: "Donor red cells (mL) to put in the prime, replacing clear prime, to reach a target Hct on bypass",
  source: "medicalalgorithms.com cardiopulmonary bypass (divisor = donor Hct); reference §5",
  params: [
    ...PATIENT_PARAMS,
    PRIME,
    {
      key: "targetHct",
      flag: "target-hct",
      description: "haematocrit wanted on bypass",
      kind: "number",
      range: RANGES.hct,
    },
    {
      key: "donorHct",
      flag: "donor-hct",
      description: "haematocrit of the donor blood (packed cells ~0.55–0.80)",
      kind: "number",
      range: RANGES.hct,
    },
  ],
  run: (i) =>
    rbcPrime({
      ...patientInputs(i),
      primeMl: i.primeMl as number,
      targetHct: i.targetHct as number,
      donorHct: i.donorHct as number,
    }),
};
