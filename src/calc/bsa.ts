/**
 * Body surface area (m²) from weight (kg) and height (cm).
 *
 * Formulas and constants, as listed in shared/reference/reference-data.md §1.1:
 * - DuBois & DuBois 1916 (Arch Intern Med 17:863):   BSA = 0.007184 · H^0.725 · W^0.425
 * - Mosteller 1987 (N Engl J Med 317:1098):           BSA = √(H · W / 3600)
 * - Haycock 1978 (J Pediatr 93:62):                   BSA = 0.024265 · H^0.3964 · W^0.5378
 * - Gehan & George 1970 (Cancer Chemother Rep 54:225): BSA = 0.0235 · H^0.42246 · W^0.51456
 * - Boyd 1935 (weight in grams):                       BSA = 0.0003207 · H^0.3 · Wg^(0.7285 − 0.0188·log10 Wg)
 */
import type { CalcResult, CalculatorSpec } from "./types.ts";
import { RANGES, requireChoice, requireInRange } from "./validate.ts";

export const BSA_METHODS = ["dubois", "mosteller", "haycock", "gehan-george", "boyd"] as const;
export type BsaMethod = (typeof BSA_METHODS)[number];

interface BsaFormula {
  formula: string;
  constants: Record<string, number>;
  source: string;
  compute(heightCm: number, weightKg: number): number;
}

const FORMULAS: Record<BsaMethod, BsaFormula> = {
  dubois: {
    formula: "BSA = 0.007184 · H^0.725 · W^0.425",
    constants: { a: 0.007184, heightExponent: 0.725, weightExponent: 0.425 },
    source: "DuBois D, DuBois EF. Arch Intern Med 1916;17:863-71",
    compute: (h, w) => 0.007184 * h ** 0.725 * w ** 0.425,
  },
  mosteller: {
    formula: "BSA = √(H · W / 3600)",
    constants: { divisor: 3600 },
    source: "Mosteller RD. N Engl J Med 1987;317:1098",
    compute: (h, w) => Math.sqrt((h * w) / 3600),
  },
  haycock: {
    formula: "BSA = 0.024265 · H^0.3964 · W^0.5378",
    constants: { a: 0.024265, heightExponent: 0.3964, weightExponent: 0.5378 },
    source: "Haycock GB et al. J Pediatr 1978;93:62-6",
    compute: (h, w) => 0.024265 * h ** 0.3964 * w ** 0.5378,
  },
  "gehan-george": {
    formula: "BSA = 0.0235 · H^0.42246 · W^0.51456",
    constants: { a: 0.0235, heightExponent: 0.42246, weightExponent: 0.51456 },
    source: "Gehan EA, George SL. Cancer Chemother Rep 1970;54:225-35",
    compute: (h, w) => 0.0235 * h ** 0.42246 * w ** 0.51456,
  },
  boyd: {
    formula: "BSA = 0.0003207 · H^0.3 · Wg^(0.7285 − 0.0188 · log10 Wg), Wg = weight in grams",
    constants: { a: 0.0003207, heightExponent: 0.3, b: 0.7285, c: 0.0188 },
    source: "Boyd E. The Growth of the Surface Area of the Human Body. Univ. Minnesota Press, 1935",
    compute: (h, w) => {
      const grams = w * 1000;
      return 0.0003207 * h ** 0.3 * grams ** (0.7285 - 0.0188 * Math.log10(grams));
    },
  },
};

/** Body surface area in m². Throws InputError for weight outside (0, 300] kg or height outside [30, 250] cm. */
export function bsa(input: { weightKg: number; heightCm: number; method?: BsaMethod }): CalcResult {
  const weightKg = requireInRange("weightKg", input.weightKg, RANGES.weightKg);
  const heightCm = requireInRange("heightCm", input.heightCm, RANGES.heightCm);
  const method = requireChoice("method", input.method ?? "mosteller", BSA_METHODS);
  const f = FORMULAS[method];
  return {
    calculator: "bsa",
    value: f.compute(heightCm, weightKg),
    unit: "m²",
    method,
    formula: f.formula,
    constants: f.constants,
    inputs: { weightKg, heightCm, method },
    source: f.source,
  };
}

export const bsaSpec: CalculatorSpec = {
  name: "bsa",
  summary: "Body surface area (m²) from weight and height",
  source: "DuBois 1916; Mosteller 1987; Haycock 1978; Gehan & George 1970; Boyd 1935",
  params: [
    {
      key: "weightKg",
      flag: "weight-kg",
      description: "body weight",
      kind: "number",
      range: RANGES.weightKg,
    },
    {
      key: "heightCm",
      flag: "height-cm",
      description: "body height",
      kind: "number",
      range: RANGES.heightCm,
    },
    {
      key: "method",
      flag: "method",
      description: "formula",
      kind: "choice",
      choices: BSA_METHODS,
      default: "mosteller",
    },
  ],
  run: (i) =>
    bsa({ weightKg: i.weightKg as number, heightCm: i.heightCm as number, method: i.method as BsaMethod }),
};
