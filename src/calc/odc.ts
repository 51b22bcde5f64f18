/**
 * The O2 dissociation curve (shared/reference/reference-data.md §4.3–4.4). Saturations are fractions.
 *
 * Severinghaus 1979 (J Appl Physiol 46:599), standard conditions 37 °C, pH 7.40, BE 0:
 *   eq. 1  S = 1 / (23,400 / (PO2³ + 150·PO2) + 1)          (fits the standard curve within ±0.0055)
 *   eq. 2  ln PO2 = 0.385·ln(1/(1/S − 1)) + 3.32 − 1/(72·S) − 0.17·S⁶   (inverse, approximate)
 * Ellis 1989 (J Appl Physiol 67:902): exact inverse of eq. 1, i.e. the real root of PO2³ + 150·PO2 = 2A:
 *   PO2 = ∛(A + √(50³ + A²)) − ∛(√(50³ + A²) − A),  A = 11,700 / (1/S − 1)
 * Kelman 1966 (J Appl Physiol 21:1375) with the virtual PO2 that moves a sample to standard conditions:
 *   x = PO2 · 10^(0.024·(37 − T) + 0.40·(pH − 7.40) + 0.06·log10(40 / PCO2))
 *   S = (a1·x + a2·x² + a3·x³ + x⁴) / (a4 + a5·x + a6·x² + a7·x³ + x⁴)
 *   coefficients as in bakenzua/co2ntent (R/kelman_po2_to_so2.R) [S2].
 */

import { InputError } from "../common/errors.ts";
import { KELMAN_COEFFICIENTS, kelmanRational, virtualPo2Factor } from "../sim/blood/odc.ts";
import type { CalcResult, CalculatorSpec } from "./types.ts";
import { RANGES, requireChoice, requireInRange } from "./validate.ts";

export const ODC_METHODS = ["severinghaus", "kelman"] as const;
export type OdcMethod = (typeof ODC_METHODS)[number];
export const ODC_INVERSE_METHODS = ["ellis", "severinghaus"] as const;
export type OdcInverseMethod = (typeof ODC_INVERSE_METHODS)[number];

export const STANDARD_TEMP_C = 37;
export const STANDARD_PH = 7.4;
export const STANDARD_PCO2_MMHG = 40;

const SEVERINGHAUS_SOURCE = "Severinghaus JW. J Appl Physiol 1979;46:599-602, reference §4.3";
const KELMAN_SOURCE =
  "Kelman GR. J Appl Physiol 1966;21:1375-6; coefficients as in bakenzua/co2ntent [S2], reference §4.4";
const ELLIS_SOURCE =
  "Ellis RK. J Appl Physiol 1989;67:902 (closed-form inverse of Severinghaus eq. 1), reference §4.3";

/**
 * Kelman's polynomial is a fit to the curve above about 10 mmHg: it turns negative below ~4 mmHg and is
 * 0.9 %S off at 10 mmHg (reference §4.4), so a virtual PO2 below this is refused.
 */
export const KELMAN_MIN_VIRTUAL_PO2_MMHG = 10;

/** Severinghaus eq. 1, SO2 fraction from PO2 (mmHg) at standard conditions. */
export function severinghausSo2(po2MmHg: number): number {
  if (po2MmHg <= 0) return 0; // the limit of eq. 1; avoids 23,400/0
  return 1 / (23400 / (po2MmHg ** 3 + 150 * po2MmHg) + 1);
}

/** Kelman's virtual PO2: the PO2 the sample would have at 37 °C, pH 7.40 and PCO2 40 mmHg. */
export function kelmanVirtualPo2(po2MmHg: number, tempC: number, ph: number, pco2MmHg: number): number {
  return po2MmHg * virtualPo2Factor(tempC, ph, pco2MmHg);
}

/** Kelman's polynomial, SO2 fraction from a (virtual) PO2 in mmHg (the simulator's own implementation). */
export const kelmanSo2 = kelmanRational;

/** Ellis's closed-form inverse of Severinghaus eq. 1: PO2 (mmHg) from SO2 in (0, 1). */
export function ellisPo2(so2: number): number {
  const a = 11700 / (1 / so2 - 1);
  const r = Math.sqrt(50 ** 3 + a * a);
  return Math.cbrt(a + r) - Math.cbrt(r - a);
}

/** Severinghaus eq. 2: PO2 (mmHg) from SO2 in (0, 1). */
export function severinghausPo2(so2: number): number {
  return Math.exp(0.385 * Math.log(1 / (1 / so2 - 1)) + 3.32 - 1 / (72 * so2) - 0.17 * so2 ** 6);
}

export function odc(input: {
  po2MmHg: number;
  method?: OdcMethod;
  tempC?: number;
  ph?: number;
  pco2MmHg?: number;
}): CalcResult {
  const po2MmHg = requireInRange("po2MmHg", input.po2MmHg, RANGES.po2MmHg);
  const method = requireChoice("method", input.method ?? "severinghaus", ODC_METHODS);
  const tempC = requireInRange("tempC", input.tempC ?? STANDARD_TEMP_C, RANGES.tempC);
  const ph = requireInRange("ph", input.ph ?? STANDARD_PH, RANGES.ph);
  const pco2MmHg = requireInRange("pco2MmHg", input.pco2MmHg ?? STANDARD_PCO2_MMHG, RANGES.pco2MmHg);
  const inputs = { po2MmHg, method, tempC, ph, pco2MmHg };

  if (method === "severinghaus") {
    const off: [string, number, number][] = [
      ["tempC", tempC, STANDARD_TEMP_C],
      ["ph", ph, STANDARD_PH],
      ["pco2MmHg", pco2MmHg, STANDARD_PCO2_MMHG],
    ];
    for (const [field, value, standard] of off) {
      if (value !== standard) {
        throw new InputError({
          field,
          allowed: `${standard} with --method severinghaus (eq. 1 is for standard conditions; --method kelman corrects for temperature, pH and PCO2)`,
          received: String(value),
        });
      }
    }
    return {
      calculator: "odc",
      value: severinghausSo2(po2MmHg),
      unit: "fraction",
      method,
      formula: "S = 1 / (23,400 / (PO2³ + 150·PO2) + 1), standard conditions (37 °C, pH 7.40, BE 0)",
      constants: { a: 23400, b: 150 },
      inputs,
      source: SEVERINGHAUS_SOURCE,
    };
  }

  const x = kelmanVirtualPo2(po2MmHg, tempC, ph, pco2MmHg);
  if (x < KELMAN_MIN_VIRTUAL_PO2_MMHG) {
    throw new InputError({
      field: "po2MmHg",
      allowed: `high enough that the virtual PO2 is ≥ ${KELMAN_MIN_VIRTUAL_PO2_MMHG} mmHg, where Kelman's fit holds (use --method severinghaus below)`,
      received: `${po2MmHg} (virtual PO2 ${x.toFixed(2)} mmHg)`,
    });
  }
  return {
    calculator: "odc",
    value: kelmanSo2(x),
    unit: "fraction",
    method,
    formula:
      "S = (a1·x + a2·x² + a3·x³ + x⁴) / (a4 + a5·x + a6·x² + a7·x³ + x⁴), x = PO2·10^(0.024·(37 − T) + 0.40·(pH − 7.40) + 0.06·log10(40/PCO2))",
    constants: { ...KELMAN_COEFFICIENTS, tempCoefficient: 0.024, phCoefficient: 0.4, pco2Coefficient: 0.06 },
    inputs,
    source: KELMAN_SOURCE,
    extra: { virtualPo2MmHg: { value: x, unit: "mmHg" } },
  };
}

export function odcInverse(input: { so2: number; method?: OdcInverseMethod }): CalcResult {
  const so2 = requireInRange("so2", input.so2, RANGES.saturationOpen);
  const method = requireChoice("method", input.method ?? "ellis", ODC_INVERSE_METHODS);
  if (method === "ellis") {
    return {
      calculator: "odc-inverse",
      value: ellisPo2(so2),
      unit: "mmHg",
      method,
      formula: "PO2 = ∛(A + √(50³ + A²)) − ∛(√(50³ + A²) − A), A = 11,700 / (1/S − 1); standard conditions",
      constants: { a: 11700, b: 50 },
      inputs: { so2, method },
      source: ELLIS_SOURCE,
    };
  }
  return {
    calculator: "odc-inverse",
    value: severinghausPo2(so2),
    unit: "mmHg",
    method,
    formula: "ln PO2 = 0.385·ln(1/(1/S − 1)) + 3.32 − 1/(72·S) − 0.17·S⁶; standard conditions",
    constants: { a: 0.385, b: 3.32, c: 72, d: 0.17 },
    inputs: { so2, method },
    source: `${SEVERINGHAUS_SOURCE} (eq. 2, coefficient 0.17 as in the abstract)`,
  };
}

export const odcSpec: CalculatorSpec = {
  name: "odc",
  summary: "O2 saturation (fraction) from PO2: Severinghaus eq. 1 or Kelman with virtual-PO2 correction",
  source: "Severinghaus 1979 (J Appl Physiol 46:599); Kelman 1966 (J Appl Physiol 21:1375)",
  params: [
    { key: "po2MmHg", flag: "po2-mmhg", description: "PO2", kind: "number", range: RANGES.po2MmHg },
    {
      key: "method",
      flag: "method",
      description: "severinghaus (standard conditions only) or kelman",
      kind: "choice",
      choices: ODC_METHODS,
      default: "severinghaus",
    },
    {
      key: "tempC",
      flag: "temp-c",
      description: "blood temperature (kelman)",
      kind: "number",
      range: RANGES.tempC,
      default: STANDARD_TEMP_C,
    },
    {
      key: "ph",
      flag: "ph",
      description: "pH (kelman)",
      kind: "number",
      range: RANGES.ph,
      default: STANDARD_PH,
    },
    {
      key: "pco2MmHg",
      flag: "pco2-mmhg",
      description: "PCO2 (kelman)",
      kind: "number",
      range: RANGES.pco2MmHg,
      default: STANDARD_PCO2_MMHG,
    },
  ],
  run: (i) =>
    odc({
      po2MmHg: i.po2MmHg as number,
      method: i.method as OdcMethod,
      tempC: i.tempC as number,
      ph: i.ph as number,
      pco2MmHg: i.pco2MmHg as number,
    }),
};

export const odcInverseSpec: CalculatorSpec = {
  name: "odc-inverse",
  summary: "PO2 (mmHg) from O2 saturation at standard conditions: Ellis closed form or Severinghaus eq. 2",
  source: "Ellis 1989 (J Appl Physiol 67:902); Severinghaus 1979 eq. 2",
  params: [
    {
      key: "so2",
      flag: "so2",
      description: "O2 saturation",
      kind: "number",
      range: RANGES.saturationOpen,
    },
    {
      key: "method",
      flag: "method",
      description: "ellis (exact inverse of eq. 1) or severinghaus (eq. 2)",
      kind: "choice",
      choices: ODC_INVERSE_METHODS,
      default: "ellis",
    },
  ],
  run: (i) => odcInverse({ so2: i.so2 as number, method: i.method as OdcInverseMethod }),
};
