import type { Reference, Verdict } from "./verdict.ts";

/** One line of a reference table: what is compared, against what, and where the reference comes from. */
export interface CheckSpec {
  quantity: string;
  unit: string;
  reference: Reference;
  source: string;
  /** Reads the model's value from the experiment's measurements. */
  value(m: Measurements): number;
}

/** Named numbers an experiment measured (e.g. signal means at rest, or changes after an intervention). */
export type Measurements = Readonly<Record<string, number>>;

/** A simulation run that produces measurements, plus the checks made on them. */
export interface Experiment {
  group: string;
  description: string;
  run(): Measurements;
  checks: readonly CheckSpec[];
}

export interface ValidationRow {
  group: string;
  quantity: string;
  unit: string;
  reference: string;
  source: string;
  model: number;
  deviation: number;
  verdict: Verdict;
}
