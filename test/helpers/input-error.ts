import { expect } from "vitest";
import { InputError } from "../../src/common/errors.ts";

/** Asserts that `fn` throws an InputError whose first problem names `field`. */
export function expectInputError(fn: () => unknown, field: string): void {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught, `expected an InputError naming ${field}`).toBeInstanceOf(InputError);
  const err = caught as InputError;
  expect(err.problems[0]?.field).toBe(field);
  // What is allowed must be stated in finite numbers (the received value is echoed as given).
  expect(err.problems[0]?.allowed).not.toMatch(/NaN|Infinity/);
}
