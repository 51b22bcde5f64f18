/** Runs validation experiments and grades every check (see verdict.ts for the bands). */
import type { Experiment, ValidationRow } from "./types.ts";
import { describeReference, deviation, verdict } from "./verdict.ts";

export function runExperiment(e: Experiment): ValidationRow[] {
  const m = e.run();
  return e.checks.map((c) => {
    const model = c.value(m);
    return {
      group: e.group,
      quantity: c.quantity,
      unit: c.unit,
      reference: describeReference(c.reference),
      source: c.source,
      model,
      deviation: Number.isFinite(model) ? deviation(model, c.reference) : Number.POSITIVE_INFINITY,
      verdict: verdict(model, c.reference),
    };
  });
}

export function countVerdicts(rows: readonly ValidationRow[]): Record<"good" | "fair" | "poor", number> {
  const counts = { good: 0, fair: 0, poor: 0 };
  for (const r of rows) counts[r.verdict]++;
  return counts;
}
