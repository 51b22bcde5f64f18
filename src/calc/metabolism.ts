/**
 * Temperature dependence of metabolic rate (shared/reference/reference-data.md §8).
 *
 *   Q10 model:                 f(T) = Q10^((T − 37)/10)     (fraction of the 37 °C rate)
 *   compounded % per °C:       f(T) = (1 − p/100)^(37 − T)  (the "~7% per °C" rule, compounded)
 *   Q10 from two measurements: Q10 = (R2/R1)^(10/(T2 − T1))
 *
 * The sources disagree (cerebral Q10 2.8, Croughwell 1992; canine CMRO2 2.19, Michenfelder 1992; whole body
 * ≈ 1.68 from Hickey & Hoar 1983; Tschaut's 25 °C = 25% implies ≈ 3.2), so Q10 stays a parameter.
 */
import { InputError } from "../common/errors.ts";
import type { CalcResult, CalculatorSpec } from "./types.ts";
import { RANGES, requireChoice, requireInRange } from "./validate.ts";

export const Q10_METHODS = ["q10", "percent-per-degree"] as const;
export type Q10Method = (typeof Q10_METHODS)[number];

const Q10_RANGE = { min: 1, max: 5, unit: "" } as const;
const PERCENT_RANGE = { min: 0, minExclusive: true, max: 20, unit: "% per °C" } as const;
const RATE_RANGE = { min: 0, minExclusive: true, max: 1e6, unit: "(any unit, same for both)" } as const;

export function q10(input: {
  tempC: number;
  q10?: number;
  method?: Q10Method;
  percentPerDegree?: number;
}): CalcResult {
  const tempC = requireInRange("tempC", input.tempC, RANGES.tempC);
  const method = requireChoice("method", input.method ?? "q10", Q10_METHODS);
  if (method === "q10") {
    const q = requireInRange("q10", input.q10 ?? 2, Q10_RANGE);
    return {
      calculator: "q10",
      value: q ** ((tempC - 37) / 10),
      unit: "fraction of the 37 °C rate",
      method,
      formula: "f = Q10^((T − 37)/10)",
      constants: { q10: q },
      inputs: { tempC, method, q10: q },
      source:
        "Q10 model; cerebral Q10 2.8 (Croughwell, JTCVS 1992;103:549), canine CMRO2 2.19 (Michenfelder 1992), reference §8",
    };
  }
  const p = requireInRange("percentPerDegree", input.percentPerDegree ?? 7, PERCENT_RANGE);
  return {
    calculator: "q10",
    value: (1 - p / 100) ** (37 - tempC),
    unit: "fraction of the 37 °C rate",
    method,
    formula: `f = (1 − ${p}/100)^(37 − T)`,
    constants: { percentPerDegree: p },
    inputs: { tempC, method, percentPerDegree: p },
    source: "'~7% fall in metabolism per °C' rule, compounded (icuroom blog [S2]), reference §8",
  };
}

export function q10FromRates(input: {
  rate1: number;
  temp1C: number;
  rate2: number;
  temp2C: number;
}): CalcResult {
  const rate1 = requireInRange("rate1", input.rate1, RATE_RANGE);
  const temp1C = requireInRange("temp1C", input.temp1C, RANGES.tempC);
  const rate2 = requireInRange("rate2", input.rate2, RATE_RANGE);
  const temp2C = requireInRange("temp2C", input.temp2C, RANGES.tempC);
  if (temp1C === temp2C) {
    throw new InputError({
      field: "temp2C",
      allowed: "different from --temp-1-c (Q10 divides by the temperature difference)",
      received: String(temp2C),
    });
  }
  return {
    calculator: "q10-from-rates",
    value: (rate2 / rate1) ** (10 / (temp2C - temp1C)),
    unit: "(ratio)",
    method: "q10-from-rates",
    formula: "Q10 = (R2/R1)^(10/(T2 − T1))",
    constants: {},
    inputs: { rate1, temp1C, rate2, temp2C },
    source:
      "definition of Q10; example data Hickey & Hoar 1983 (83.3 → 45.6 mL/min/m², 37 → 25.4 °C), reference §8",
  };
}

export const q10Spec: CalculatorSpec = {
  name: "q10",
  summary: "Metabolic rate at temperature T as a fraction of the 37 °C rate (Q10 or % per °C)",
  source: "Q10 model; Croughwell 1992; Michenfelder 1992; reference §8",
  params: [
    { key: "tempC", flag: "temp-c", description: "temperature", kind: "number", range: RANGES.tempC },
    {
      key: "method",
      flag: "method",
      description: "Q10 power law or compounded % per °C",
      kind: "choice",
      choices: Q10_METHODS,
      default: "q10",
    },
    {
      key: "q10",
      flag: "q10",
      description: "Q10 (whole body ~2.0–2.5, brain 2.3–2.8)",
      kind: "number",
      range: Q10_RANGE,
      default: 2,
    },
    {
      key: "percentPerDegree",
      flag: "percent-per-c",
      description: "fall per °C (percent-per-degree)",
      kind: "number",
      range: PERCENT_RANGE,
      default: 7,
    },
  ],
  run: (i) =>
    q10({
      tempC: i.tempC as number,
      method: i.method as Q10Method,
      q10: i.q10 as number,
      percentPerDegree: i.percentPerDegree as number,
    }),
};

export const q10FromRatesSpec: CalculatorSpec = {
  name: "q10-from-rates",
  summary: "Q10 from two rates measured at two temperatures",
  source: "definition of Q10; reference §8 (Hickey & Hoar 1983 → 1.68)",
  params: [
    {
      key: "rate1",
      flag: "rate-1",
      description: "rate at the first temperature",
      kind: "number",
      range: RATE_RANGE,
    },
    {
      key: "temp1C",
      flag: "temp-1-c",
      description: "first temperature",
      kind: "number",
      range: RANGES.tempC,
    },
    {
      key: "rate2",
      flag: "rate-2",
      description: "rate at the second temperature",
      kind: "number",
      range: RATE_RANGE,
    },
    {
      key: "temp2C",
      flag: "temp-2-c",
      description: "second temperature",
      kind: "number",
      range: RANGES.tempC,
    },
  ],
  run: (i) =>
    q10FromRates({
      rate1: i.rate1 as number,
      temp1C: i.temp1C as number,
      rate2: i.rate2 as number,
      temp2C: i.temp2C as number,
    }),
};
