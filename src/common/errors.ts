/**
 * Errors that Perfuse reports to a person: each names the field and the allowed values.
 * Every layer (library, CLI, server, scenario loader) throws or returns these, never a bare Error
 * for bad input, so a user always learns which field to fix and how.
 */

/** One problem with one input field. */
export interface FieldProblem {
  /** The field as the caller named it (camelCase key, a CLI flag, or a JSON path such as `actions[3].t`). */
  field: string;
  /** What is allowed, in words and units: "> 0 and ≤ 300 kg", "one of: dubois, mosteller". */
  allowed: string;
  /** What was given, shown back to the user. */
  received?: string;
}

export class InputError extends Error {
  readonly problems: FieldProblem[];
  constructor(problems: FieldProblem[] | FieldProblem) {
    const list = Array.isArray(problems) ? problems : [problems];
    super(list.map(formatProblem).join("; "));
    this.name = "InputError";
    this.problems = list;
  }
}

export function formatProblem(p: FieldProblem): string {
  const got = p.received === undefined ? "" : ` (got ${p.received})`;
  return `${p.field} must be ${p.allowed}${got}`;
}
