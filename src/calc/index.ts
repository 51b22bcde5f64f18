/** Clinical calculators: pure functions, each returning a self-explaining CalcResult. */
import { bsaSpec } from "./bsa.ts";
import type { CalculatorSpec } from "./types.ts";

export { BSA_METHODS, type BsaMethod, bsa } from "./bsa.ts";
export type { CalcInputs, CalcResult, CalculatorSpec, ParamSpec } from "./types.ts";
export {
  describeRange,
  isInRange,
  type NumericRange,
  RANGES,
  requireChoice,
  requireInRange,
} from "./validate.ts";

/** Every calculator the CLI offers, in the order `perfuse calc --help` lists them. */
export const calculators: readonly CalculatorSpec[] = [bsaSpec];

export function findCalculator(name: string): CalculatorSpec | undefined {
  return calculators.find((c) => c.name === name);
}
