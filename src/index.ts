/** Perfuse's public surface: import from here, not from deep paths. */
export * from "./calc/index.ts";
export { type FieldProblem, InputError } from "./common/errors.ts";
