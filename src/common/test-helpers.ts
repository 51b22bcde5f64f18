/** Test helper: runs `fn`, expects an InputError, returns its problems. */
import { expect } from "vitest";
import { type FieldProblem, InputError } from "./errors.ts";

export function problemsOf(fn: () => unknown): FieldProblem[] {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).problems;
  }
  throw new Error("expected an InputError");
}
