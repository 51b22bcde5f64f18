/**
 * Estimated blood volume (EBV, mL).
 *
 * Two ways, both from shared/reference/reference-data.md §2:
 * - "table": weight × mL/kg, the mL/kg picked from an age/weight/sex band table. The table is data: library
 *   callers may pass their own, and `ebvMlPerKg` overrides it. The sources disagree (term neonate 80–100,
 *   adult man 70–75 mL/kg), so the default is one documented choice, not the truth.
 * - "linderkamp": the Linderkamp regressions for children (log10 BV in mL, W in kg, H in cm):
 *     group I   (< 2 years):                     log10 BV = 0.7891·log10 W + 0.004132·H + 1.8117
 *     group II  (boys 2–14 y, girls 2–6 y):      log10 BV = 0.6459·log10 W + 0.002743·H + 2.0324
 *     group III (girls 7–14 y):                  log10 BV = 0.6412·log10 W + 0.001270·H + 2.2169
 *   and "linderkamp-linear", group I only:       BV = 84.9·W − 10 (r 0.963)
 *   Source: Linderkamp O et al., as quoted on medicalalgorithms.com [S].
 */
import { InputError } from "../common/errors.ts";
import type { CalcResult, CalculatorSpec } from "./types.ts";
import { optionalInRange, RANGES, requireChoice, requireInRange, requirePresent } from "./validate.ts";

export const BLOOD_VOLUME_METHODS = ["table", "linderkamp", "linderkamp-linear"] as const;
export type BloodVolumeMethod = (typeof BLOOD_VOLUME_METHODS)[number];
export const SEXES = ["male", "female"] as const;
export type Sex = (typeof SEXES)[number];

/**
 * One row of an mL/kg table. A row applies when every bound it names holds: lower bounds inclusive,
 * upper bounds exclusive, `sex` absent = either sex. The first row that applies is used.
 */
export interface EbvBand {
  label: string;
  mlPerKg: number;
  minWeightKg?: number;
  maxWeightKg?: number;
  minAgeYears?: number;
  maxAgeYears?: number;
  sex?: Sex;
  source: string;
}

const BRAINSCAPE =
  "perfusion teaching weight bands (< 10 kg 85; 11–20 kg 80; 21–30 kg 75; 31–40 kg 70; > 40 kg 65), brainscape flash cards [S2], reference §2";

/**
 * Default table: the perfusion-teaching weight bands, with 10 kg counted in the 80 mL/kg band (the source's
 * bands are written in whole kilograms and leave 10–11 kg open), and 70 mL/kg for men over 40 kg.
 */
export const DEFAULT_EBV_TABLE: readonly EbvBand[] = [
  { label: "< 10 kg", maxWeightKg: 10, mlPerKg: 85, source: BRAINSCAPE },
  { label: "10–20 kg", minWeightKg: 10, maxWeightKg: 21, mlPerKg: 80, source: BRAINSCAPE },
  { label: "21–30 kg", minWeightKg: 21, maxWeightKg: 31, mlPerKg: 75, source: BRAINSCAPE },
  { label: "31–40 kg", minWeightKg: 31, maxWeightKg: 41, mlPerKg: 70, source: BRAINSCAPE },
  {
    label: "> 40 kg, male",
    minWeightKg: 41,
    sex: "male",
    mlPerKg: 70,
    source:
      "adult/adolescent male 70 mL/kg: mdapp.co pediatric blood volume calculator [S]; ThePerfusionist/perfusioncalc [S2]; reference §2",
  },
  { label: "> 40 kg", minWeightKg: 41, mlPerKg: 65, source: BRAINSCAPE },
];

export interface EbvEstimate {
  ml: number;
  mlPerKg: number;
  /** Which band was used, or "given" when the caller gave the mL/kg. */
  band: string;
  source: string;
}

/** EBV from weight × mL/kg, the mL/kg given or picked from `table`. Used by the haemodilution calculators too. */
export function estimateBloodVolumeFromTable(opts: {
  weightKg: number;
  ageYears?: number;
  sex?: Sex;
  ebvMlPerKg?: number;
  table?: readonly EbvBand[];
}): EbvEstimate {
  const { weightKg, ageYears, sex } = opts;
  if (opts.ebvMlPerKg !== undefined) {
    return { ml: weightKg * opts.ebvMlPerKg, mlPerKg: opts.ebvMlPerKg, band: "given", source: "mL/kg given" };
  }
  const table = opts.table ?? DEFAULT_EBV_TABLE;
  const row = table.find(
    (b) =>
      (b.minWeightKg === undefined || weightKg >= b.minWeightKg) &&
      (b.maxWeightKg === undefined || weightKg < b.maxWeightKg) &&
      (b.sex === undefined || b.sex === sex) &&
      ((b.minAgeYears === undefined && b.maxAgeYears === undefined) ||
        (ageYears !== undefined &&
          (b.minAgeYears === undefined || ageYears >= b.minAgeYears) &&
          (b.maxAgeYears === undefined || ageYears < b.maxAgeYears))),
  );
  if (!row) {
    throw new InputError({
      field: "table",
      allowed: "a table with a row for this weight, age and sex",
      received: `${weightKg} kg, age ${ageYears ?? "not given"}, sex ${sex ?? "not given"}`,
    });
  }
  requireInRange("table", row.mlPerKg, RANGES.ebvMlPerKg);
  return { ml: weightKg * row.mlPerKg, mlPerKg: row.mlPerKg, band: row.label, source: row.source };
}

const LINDERKAMP_SOURCE =
  "Linderkamp O et al., blood volume regressions in children, via medicalalgorithms.com [S]";

const LINDERKAMP_GROUPS = {
  1: { label: "group I (< 2 years)", a: 0.7891, b: 0.004132, c: 1.8117 },
  2: { label: "group II (boys 2–14 years, girls 2–6 years)", a: 0.6459, b: 0.002743, c: 2.0324 },
  3: { label: "group III (girls 7–14 years)", a: 0.6412, b: 0.00127, c: 2.2169 },
} as const;

/** Which Linderkamp group a child belongs to; the regressions stop at 14 years (ages < 15). */
function linderkampGroup(ageYears: number, sex: Sex | undefined): 1 | 2 | 3 {
  if (ageYears >= 15) {
    throw new InputError({
      field: "ageYears",
      allowed: "< 15 years for the Linderkamp regressions (children only; use --method table)",
      received: String(ageYears),
    });
  }
  if (ageYears < 2) return 1;
  const s = requirePresent(
    "sex",
    sex,
    "male or female (Linderkamp groups II and III differ by sex from 2 years)",
  );
  return s === "female" && ageYears >= 7 ? 3 : 2;
}

export interface BloodVolumeInput {
  weightKg: number;
  heightCm?: number;
  ageYears?: number;
  sex?: Sex;
  method?: BloodVolumeMethod;
  /** Overrides the table's mL/kg (method "table" only). */
  ebvMlPerKg?: number;
  /** Replaces DEFAULT_EBV_TABLE (method "table" only). */
  table?: readonly EbvBand[];
}

/** Estimated blood volume in mL. */
export function bloodVolume(input: BloodVolumeInput): CalcResult {
  const weightKg = requireInRange("weightKg", input.weightKg, RANGES.weightKg);
  const heightCm = optionalInRange("heightCm", input.heightCm, RANGES.heightCm);
  const ageYears = optionalInRange("ageYears", input.ageYears, RANGES.ageYears);
  const sex = input.sex === undefined ? undefined : requireChoice("sex", input.sex, SEXES);
  const method = requireChoice("method", input.method ?? "table", BLOOD_VOLUME_METHODS);
  const ebvMlPerKg = optionalInRange("ebvMlPerKg", input.ebvMlPerKg, RANGES.ebvMlPerKg);
  const inputs: Record<string, number | string> = { weightKg, method };
  if (heightCm !== undefined) inputs.heightCm = heightCm;
  if (ageYears !== undefined) inputs.ageYears = ageYears;
  if (sex !== undefined) inputs.sex = sex;
  if (ebvMlPerKg !== undefined) inputs.ebvMlPerKg = ebvMlPerKg;
  if (method !== "table" && ebvMlPerKg !== undefined) {
    throw new InputError({
      field: "ebvMlPerKg",
      allowed: "given only with --method table (the Linderkamp regressions do not use mL/kg)",
      received: String(ebvMlPerKg),
    });
  }

  if (method === "table") {
    const e = estimateBloodVolumeFromTable({ weightKg, ageYears, sex, ebvMlPerKg, table: input.table });
    return {
      calculator: "blood-volume",
      value: e.ml,
      unit: "mL",
      method,
      formula: `EBV = W × ${e.mlPerKg} mL/kg (band: ${e.band})`,
      constants: { mlPerKg: e.mlPerKg },
      inputs,
      source: e.source,
      extra: { mlPerKg: { value: e.mlPerKg, unit: "mL/kg" } },
    };
  }

  if (method === "linderkamp-linear") {
    if (ageYears !== undefined && ageYears >= 2) {
      throw new InputError({
        field: "ageYears",
        allowed: "< 2 years for BV = 84.9·W − 10 (Linderkamp group I)",
        received: String(ageYears),
      });
    }
    const ml = 84.9 * weightKg - 10;
    if (ml <= 0) {
      throw new InputError({
        field: "weightKg",
        allowed: "> 0.118 kg so that BV = 84.9·W − 10 is positive",
        received: String(weightKg),
      });
    }
    return {
      calculator: "blood-volume",
      value: ml,
      unit: "mL",
      method,
      formula: "BV = 84.9·W − 10 (Linderkamp group I, < 2 years)",
      constants: { group: 1, slopeMlPerKg: 84.9, interceptMl: -10 },
      inputs,
      source: LINDERKAMP_SOURCE,
      extra: { mlPerKg: { value: ml / weightKg, unit: "mL/kg" } },
    };
  }

  const age = requirePresent("ageYears", ageYears, "the age in years (< 15)");
  const h = requirePresent("heightCm", heightCm, "the height in cm (the regression uses it)");
  const groupNo = linderkampGroup(age, sex);
  const g = LINDERKAMP_GROUPS[groupNo];
  const ml = 10 ** (g.a * Math.log10(weightKg) + g.b * h + g.c);
  return {
    calculator: "blood-volume",
    value: ml,
    unit: "mL",
    method,
    formula: `log10 BV = ${g.a}·log10 W + ${g.b}·H + ${g.c} (Linderkamp ${g.label})`,
    constants: { group: groupNo, a: g.a, b: g.b, c: g.c },
    inputs,
    source: LINDERKAMP_SOURCE,
    extra: { mlPerKg: { value: ml / weightKg, unit: "mL/kg" } },
  };
}

export const bloodVolumeSpec: CalculatorSpec = {
  name: "blood-volume",
  summary: "Estimated blood volume (mL): mL/kg band table or Linderkamp regressions for children",
  source: "mL/kg bands: reference §2 (brainscape [S2], mdapp.co, perfusioncalc [S2]); Linderkamp (children)",
  params: [
    {
      key: "weightKg",
      flag: "weight-kg",
      description: "body weight",
      kind: "number",
      range: RANGES.weightKg,
    },
    {
      key: "method",
      flag: "method",
      description: "mL/kg table, Linderkamp log regression (groups I–III) or its linear group I form",
      kind: "choice",
      choices: BLOOD_VOLUME_METHODS,
      default: "table",
    },
    {
      key: "heightCm",
      flag: "height-cm",
      description: "body height (needed by --method linderkamp)",
      kind: "number",
      range: RANGES.heightCm,
      optional: true,
    },
    {
      key: "ageYears",
      flag: "age-years",
      description: "age (needed by --method linderkamp)",
      kind: "number",
      range: RANGES.ageYears,
      optional: true,
    },
    {
      key: "sex",
      flag: "sex",
      description: "sex (table: men > 40 kg 70 mL/kg; linderkamp: groups II/III from 2 years)",
      kind: "choice",
      choices: SEXES,
      optional: true,
    },
    {
      key: "ebvMlPerKg",
      flag: "ebv-ml-per-kg",
      description: "mL/kg to use instead of the table",
      kind: "number",
      range: RANGES.ebvMlPerKg,
      optional: true,
    },
  ],
  run: (i) =>
    bloodVolume({
      weightKg: i.weightKg as number,
      heightCm: i.heightCm as number | undefined,
      ageYears: i.ageYears as number | undefined,
      sex: i.sex as Sex | undefined,
      method: i.method as BloodVolumeMethod,
      ebvMlPerKg: i.ebvMlPerKg as number | undefined,
    }),
};
