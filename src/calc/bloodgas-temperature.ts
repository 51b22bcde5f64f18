/**
 * Temperature correction of blood gases measured at 37 °C (shared/reference/reference-data.md §4.3, §4.5).
 *
 * pH:    pH(T)   = pH37 + (X + 0.0065·(7.4 − pH37))·(T − 37), X = −0.0147 (IL 1301/1303) or −0.0146 (Radiometer ABL-3)
 * PCO2:  PCO2(T) = PCO2(37) · 10^(k·(T − 37)), k = 0.019 (Corning, IL); 0.021 (ABL-3); 0.0185 (Bradley & Severinghaus)
 * PO2:   PO2(T)  = PO2(37) · exp(f·(T − 37)), f = 0.058 / (0.243·(PO2/100)^3.88 + 1) + 0.013  (Severinghaus 1979 eq. 3)
 *        with f evaluated once at the 37 °C value (a one-step approximation; the exact method integrates f as
 *        PO2 changes). 0.243 is read OUTSIDE the power, as in the Radiometer ABL-3 form and the public code that
 *        holds Table 1; only this reading tends to the dissolved-O2 coefficient (~0.013/°C) at high PO2 (§4.3).
 * pH-stat: the PaCO2 that must read at 37 °C for the temperature-corrected value to equal the target:
 *        PCO2(37) = target / 10^(k·(T − 37)).
 * Sources: analyzer formulas on medicalalgorithms.com [S]; Severinghaus JW, J Appl Physiol 1979;46:599.
 */
import type { CalcResult, CalculatorSpec } from "./types.ts";
import { RANGES, requireChoice, requireInRange } from "./validate.ts";

export const PH_TEMP_METHODS = ["il", "radiometer"] as const;
export type PhTempMethod = (typeof PH_TEMP_METHODS)[number];
const PH_X: Record<PhTempMethod, number> = { il: -0.0147, radiometer: -0.0146 };
export const DEFAULT_PCO2_TEMP_COEFFICIENT = 0.019;

const ANALYZER_SOURCE =
  "blood gas analyzer temperature corrections, medicalalgorithms.com [S], reference §4.5";

export function phAtTemp(input: { ph: number; tempC: number; method?: PhTempMethod }): CalcResult {
  const ph = requireInRange("ph", input.ph, RANGES.ph);
  const tempC = requireInRange("tempC", input.tempC, RANGES.tempC);
  const method = requireChoice("method", input.method ?? "il", PH_TEMP_METHODS);
  const x = PH_X[method];
  return {
    calculator: "ph-at-temp",
    value: ph + (x + 0.0065 * (7.4 - ph)) * (tempC - 37),
    unit: "pH",
    method,
    formula: `pH(T) = pH37 + (${x} + 0.0065·(7.4 − pH37))·(T − 37)`,
    constants: { x, y: 0.0065 },
    inputs: { ph, tempC, method },
    source: `${ANALYZER_SOURCE} (${method === "il" ? "IL 1301/1303" : "Radiometer ABL-3"})`,
  };
}

function pco2Factor(k: number, tempC: number): number {
  return 10 ** (k * (tempC - 37));
}

export function pco2AtTemp(input: { pco2MmHg: number; tempC: number; coefficientPerC?: number }): CalcResult {
  const pco2MmHg = requireInRange("pco2MmHg", input.pco2MmHg, RANGES.pco2MmHg);
  const tempC = requireInRange("tempC", input.tempC, RANGES.tempC);
  const k = requireInRange(
    "coefficientPerC",
    input.coefficientPerC ?? DEFAULT_PCO2_TEMP_COEFFICIENT,
    RANGES.pco2TempCoefficientPerC,
  );
  const factor = pco2Factor(k, tempC);
  return {
    calculator: "pco2-at-temp",
    value: pco2MmHg * factor,
    unit: "mmHg",
    method: "pco2-at-temp",
    formula: "PCO2(T) = PCO2(37) · 10^(k·(T − 37))",
    constants: { k },
    inputs: { pco2MmHg, tempC, coefficientPerC: k },
    source: `${ANALYZER_SOURCE} (k 0.019 Corning/IL; 0.021 ABL-3)`,
    extra: { factor: { value: factor, unit: "×" } },
  };
}

/** Severinghaus eq. 3: d ln PO2 / dT (per °C) at a given PO2, 0.243 outside the power (see the file comment). */
export function po2TempCoefficient(po2MmHg: number): number {
  return 0.058 / (0.243 * (po2MmHg / 100) ** 3.88 + 1) + 0.013;
}

export function po2AtTemp(input: { po2MmHg: number; tempC: number }): CalcResult {
  const po2MmHg = requireInRange("po2MmHg", input.po2MmHg, RANGES.po2MmHg);
  const tempC = requireInRange("tempC", input.tempC, RANGES.tempC);
  const f = po2TempCoefficient(po2MmHg);
  const factor = Math.exp(f * (tempC - 37));
  return {
    calculator: "po2-at-temp",
    value: po2MmHg * factor,
    unit: "mmHg",
    method: "severinghaus-one-step",
    formula:
      "PO2(T) = PO2(37) · exp(f·(T − 37)), f = 0.058 / (0.243·(PO2(37)/100)^3.88 + 1) + 0.013, f taken at PO2(37)",
    constants: { a: 0.058, b: 0.243, n: 3.88, c: 0.013 },
    inputs: { po2MmHg, tempC },
    source:
      "Severinghaus JW. J Appl Physiol 1979;46:599-602, eq. 3 (0.243 outside the power), reference §4.3",
    extra: {
      coefficientPerC: { value: f, unit: "per °C (d ln PO2/dT)" },
      factor: { value: factor, unit: "×" },
    },
  };
}

export function phStatPco2(input: {
  tempC: number;
  targetPco2MmHg?: number;
  coefficientPerC?: number;
}): CalcResult {
  const tempC = requireInRange("tempC", input.tempC, RANGES.tempC);
  const target = requireInRange("targetPco2MmHg", input.targetPco2MmHg ?? 40, RANGES.pco2MmHg);
  const k = requireInRange(
    "coefficientPerC",
    input.coefficientPerC ?? DEFAULT_PCO2_TEMP_COEFFICIENT,
    RANGES.pco2TempCoefficientPerC,
  );
  return {
    calculator: "ph-stat-pco2",
    value: target / pco2Factor(k, tempC),
    unit: "mmHg",
    method: "ph-stat-pco2",
    formula: "PaCO2 read at 37 °C = target / 10^(k·(T − 37))",
    constants: { k },
    inputs: { tempC, targetPco2MmHg: target, coefficientPerC: k },
    source: `pH-stat: corrected PaCO2 kept at the target (derangedphysiology.com; StatPearls NBK557769); ${ANALYZER_SOURCE}`,
  };
}

const TEMP = {
  key: "tempC",
  flag: "temp-c",
  description: "patient temperature",
  kind: "number",
  range: RANGES.tempC,
} as const;
const K = {
  key: "coefficientPerC",
  flag: "coefficient-per-c",
  description: "k in 10^(k·(T − 37)) (0.019 Corning/IL, 0.021 ABL-3, 0.0185 Bradley & Severinghaus)",
  kind: "number",
  range: RANGES.pco2TempCoefficientPerC,
  default: DEFAULT_PCO2_TEMP_COEFFICIENT,
} as const;

export const phAtTempSpec: CalculatorSpec = {
  name: "ph-at-temp",
  summary: "pH at patient temperature from the pH measured at 37 °C",
  source: "IL 1301/1303 and Radiometer ABL-3 formulas (medicalalgorithms.com); reference §4.5",
  params: [
    { key: "ph", flag: "ph", description: "pH measured at 37 °C", kind: "number", range: RANGES.ph },
    TEMP,
    {
      key: "method",
      flag: "method",
      description: "analyzer formula (X −0.0147 IL, −0.0146 Radiometer)",
      kind: "choice",
      choices: PH_TEMP_METHODS,
      default: "il",
    },
  ],
  run: (i) => phAtTemp({ ph: i.ph as number, tempC: i.tempC as number, method: i.method as PhTempMethod }),
};

export const pco2AtTempSpec: CalculatorSpec = {
  name: "pco2-at-temp",
  summary: "PCO2 at patient temperature from the PCO2 measured at 37 °C",
  source: "Corning/IL/ABL-3 formulas (medicalalgorithms.com); reference §4.5",
  params: [
    {
      key: "pco2MmHg",
      flag: "pco2-mmhg",
      description: "PCO2 measured at 37 °C",
      kind: "number",
      range: RANGES.pco2MmHg,
    },
    TEMP,
    K,
  ],
  run: (i) =>
    pco2AtTemp({
      pco2MmHg: i.pco2MmHg as number,
      tempC: i.tempC as number,
      coefficientPerC: i.coefficientPerC as number,
    }),
};

export const po2AtTempSpec: CalculatorSpec = {
  name: "po2-at-temp",
  summary: "PO2 at patient temperature from the PO2 measured at 37 °C (Severinghaus eq. 3, one step)",
  source: "Severinghaus 1979 eq. 3; reference §4.3",
  params: [
    {
      key: "po2MmHg",
      flag: "po2-mmhg",
      description: "PO2 measured at 37 °C",
      kind: "number",
      range: RANGES.po2MmHg,
    },
    TEMP,
  ],
  run: (i) => po2AtTemp({ po2MmHg: i.po2MmHg as number, tempC: i.tempC as number }),
};

export const phStatPco2Spec: CalculatorSpec = {
  name: "ph-stat-pco2",
  summary:
    "pH-stat: the PaCO2 that must read at 37 °C for the temperature-corrected PaCO2 to equal the target",
  source: "pH-stat definition (derangedphysiology.com; StatPearls NBK557769); PCO2 correction reference §4.5",
  params: [
    TEMP,
    {
      key: "targetPco2MmHg",
      flag: "target-pco2-mmhg",
      description: "temperature-corrected PaCO2 wanted",
      kind: "number",
      range: RANGES.pco2MmHg,
      default: 40,
    },
    K,
  ],
  run: (i) =>
    phStatPco2({
      tempC: i.tempC as number,
      targetPco2MmHg: i.targetPco2MmHg as number,
      coefficientPerC: i.coefficientPerC as number,
    }),
};
