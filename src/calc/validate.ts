/**
 * Range checks shared by every calculator. A range is data, so the CLI's help, the library's
 * checks and the error messages all come from the same numbers.
 */
import { InputError } from "../common/errors.ts";

export interface NumericRange {
  /** Lower bound; see `minExclusive`. */
  min: number;
  /** Upper bound; see `maxExclusive`. */
  max: number;
  minExclusive?: boolean;
  maxExclusive?: boolean;
  /** Unit shown in messages ("kg", "mmHg", "" for fractions). */
  unit: string;
}

export function describeRange(r: NumericRange): string {
  const lo = r.minExclusive ? `> ${r.min}` : `≥ ${r.min}`;
  const hi = r.maxExclusive ? `< ${r.max}` : `≤ ${r.max}`;
  return `a number ${lo} and ${hi}${r.unit ? ` ${r.unit}` : ""}`;
}

export function isInRange(value: number, r: NumericRange): boolean {
  if (!Number.isFinite(value)) return false;
  if (r.minExclusive ? value <= r.min : value < r.min) return false;
  if (r.maxExclusive ? value >= r.max : value > r.max) return false;
  return true;
}

/** Throws an InputError naming `field` unless `value` is a finite number inside `range`. */
export function requireInRange(field: string, value: unknown, range: NumericRange): number {
  if (typeof value !== "number" || !isInRange(value, range)) {
    throw new InputError({ field, allowed: describeRange(range), received: String(value) });
  }
  return value;
}

/** Throws an InputError naming `field` unless `value` is one of `choices`. */
export function requireChoice<T extends string>(field: string, value: unknown, choices: readonly T[]): T {
  if (typeof value !== "string" || !(choices as readonly string[]).includes(value)) {
    throw new InputError({ field, allowed: `one of: ${choices.join(", ")}`, received: String(value) });
  }
  return value as T;
}

/** Like requireInRange, but `undefined` passes through (an optional input that was not given). */
export function optionalInRange(field: string, value: unknown, range: NumericRange): number | undefined {
  return value === undefined ? undefined : requireInRange(field, value, range);
}

/** Throws an InputError naming `field` when a required input is absent. */
export function requirePresent<T>(field: string, value: T | undefined, allowed: string): T {
  if (value === undefined) throw new InputError({ field, allowed: `given: ${allowed}`, received: "nothing" });
  return value;
}

/** Ranges used across calculators, in one place (the issue's limits for bad input). */
export const RANGES = {
  weightKg: { min: 0, minExclusive: true, max: 300, unit: "kg" },
  heightCm: { min: 30, max: 250, unit: "cm" },
  ageYears: { min: 0, max: 120, unit: "years" },
  fraction: { min: 0, max: 1, unit: "(fraction 0–1)" },
  hct: { min: 0, max: 1, unit: "(fraction 0–1)" },
  tempC: { min: 10, max: 45, unit: "°C" },
  pco2MmHg: { min: 0, minExclusive: true, max: 200, unit: "mmHg" },
  po2MmHg: { min: 0, max: 800, unit: "mmHg" },
  ph: { min: 6.5, max: 8, unit: "" },
  hbGPerDl: { min: 0, minExclusive: true, max: 25, unit: "g/dL" },
  flowLPerMin: { min: 0, max: 12, unit: "L/min" },
  bsaM2: { min: 0, minExclusive: true, max: 4, unit: "m²" },
  /** Saturation strictly between 0 and 1, where the inverse dissociation curve is finite. */
  saturationOpen: { min: 0, minExclusive: true, max: 1, maxExclusive: true, unit: "(fraction 0–1)" },
  /** Estimated blood volume per kg: sources in §2 of the reference data span 60–105 mL/kg. */
  ebvMlPerKg: { min: 40, max: 120, unit: "mL/kg" },
  /** A circuit prime or a fluid volume. */
  volumeMl: { min: 0, max: 10000, unit: "mL" },
  /** Hüfner's constant k (1.34 measured … 1.39 theoretical, reference §4.1). */
  hufnerMlPerG: { min: 1.3, max: 1.4, unit: "mL O2/g Hb" },
  /** O2 solubility s (0.003 … 0.0031, reference §4.1). */
  o2SolubilityMlPerDlPerMmHg: { min: 0.002, max: 0.004, unit: "mL O2/dL/mmHg" },
  /** Blood O2 content. */
  o2ContentMlPerDl: { min: 0, max: 40, unit: "mL/dL" },
  /** log10 PCO2 temperature coefficient (0.0185 … 0.021, reference §4.5). */
  pco2TempCoefficientPerC: { min: 0.015, max: 0.025, unit: "per °C" },
  /** Activated clotting time. */
  actS: { min: 50, max: 1500, unit: "s" },
  heparinUnitsPerKg: { min: 0, minExclusive: true, max: 1000, unit: "U/kg" },
  heparinUnits: { min: 0, minExclusive: true, max: 300000, unit: "U" },
  sweepLPerMin: { min: 0, max: 20, unit: "L/min" },
} as const satisfies Record<string, NumericRange>;
