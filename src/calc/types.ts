import type { NumericRange } from "./validate.ts";

/**
 * What every calculator returns: the value with its unit, and everything needed to trust it
 * (method, formula, constants, inputs and source), so a result explains itself.
 */
export interface CalcResult {
  /** Calculator name as on the CLI, e.g. "bsa". */
  calculator: string;
  value: number;
  unit: string;
  /** Method key, e.g. "mosteller"; the calculator name when there is only one method. */
  method: string;
  /** The formula in words/symbols, e.g. "BSA = √(H·W/3600)". */
  formula: string;
  /** Constants used, by name (k, s, Q10 …). */
  constants: Record<string, number>;
  /** Inputs as used (after defaults), by camelCase key. */
  inputs: Record<string, number | string>;
  /** Bibliographic source of the formula and constants. */
  source: string;
  /** Further named outputs with units (e.g. the blood and crystalloid parts of a cardioplegia dose). */
  extra?: Record<string, { value: number; unit: string }>;
}

/** Describes one input of a calculator, for validation, the CLI and its help. */
export interface ParamSpec {
  /** camelCase key in the inputs object, e.g. "weightKg". */
  key: string;
  /** kebab-case CLI flag without the dashes, e.g. "weight-kg". */
  flag: string;
  description: string;
  /** "number": a finite number within `range`; "choice": one of `choices`; "text": free text parsed by the calculator. */
  kind: "number" | "choice" | "text";
  range?: NumericRange;
  choices?: readonly string[];
  /** Used when the input is absent. An input with neither default nor `optional` is required. */
  default?: number | string;
  optional?: boolean;
}

export type CalcInputs = Record<string, number | string | undefined>;

export interface CalculatorSpec {
  name: string;
  summary: string;
  /** Sources of the formula(s), shown in `perfuse calc --help`. */
  source: string;
  params: readonly ParamSpec[];
  /** Computes the result; throws InputError for bad input. Inputs are already checked against `params`. */
  run(inputs: CalcInputs): CalcResult;
}
