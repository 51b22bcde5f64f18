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
} as const satisfies Record<string, NumericRange>;
