/**
 * Verdicts for validation rows, in the style of the Pulse engine's validation tables
 * (Pulse docs/Methodology/SystemMethodology.md: good < 10 % deviation, fair < 30 %, poor otherwise).
 *
 * - A reference value: good if |model − ref| / |ref| < 10 %, fair if < 30 %, else poor.
 * - A reference range (or one-sided limit): good if inside; outside, the deviation is the distance to the
 *   nearest bound relative to that bound: fair if < 30 %, else poor. (Stricter than a value: a range
 *   already carries its own tolerance.)
 */

export type Verdict = "good" | "fair" | "poor";

export type Reference =
  | { kind: "value"; value: number }
  | { kind: "range"; low: number; high: number }
  | { kind: "atLeast"; low: number }
  | { kind: "atMost"; high: number };

export const GOOD_DEVIATION = 0.1;
export const FAIR_DEVIATION = 0.3;

/** Relative deviation of `model` from the reference: 0 inside a range. */
export function deviation(model: number, ref: Reference): number {
  const rel = (distance: number, bound: number) => distance / Math.max(Math.abs(bound), 1e-12);
  switch (ref.kind) {
    case "value":
      return rel(Math.abs(model - ref.value), ref.value);
    case "range":
      if (model < ref.low) return rel(ref.low - model, ref.low);
      if (model > ref.high) return rel(model - ref.high, ref.high);
      return 0;
    case "atLeast":
      return model >= ref.low ? 0 : rel(ref.low - model, ref.low);
    case "atMost":
      return model <= ref.high ? 0 : rel(model - ref.high, ref.high);
  }
}

export function verdict(model: number, ref: Reference): Verdict {
  if (!Number.isFinite(model)) return "poor";
  const d = deviation(model, ref);
  if (ref.kind === "value") return d < GOOD_DEVIATION ? "good" : d < FAIR_DEVIATION ? "fair" : "poor";
  return d === 0 ? "good" : d < FAIR_DEVIATION ? "fair" : "poor";
}

export function describeReference(ref: Reference): string {
  switch (ref.kind) {
    case "value":
      return `${ref.value}`;
    case "range":
      return `${ref.low}–${ref.high}`;
    case "atLeast":
      return `≥ ${ref.low}`;
    case "atMost":
      return `≤ ${ref.high}`;
  }
}
