/**
 * Turns zod validation issues into FieldProblems, so every schema-validated input (scenario files,
 * actions, plans, protocols, HTTP bodies) is refused with the same "field must be … (got …)" wording.
 */
import type { z } from "zod";
import { type FieldProblem, InputError } from "./errors.ts";

/** `actions[3].rateMlPerMin` from ["actions", 3, "rateMlPerMin"], prefixed with `root` when given. */
export function formatPath(path: readonly PropertyKey[], root = ""): string {
  let out = root;
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out === "" ? "(input)" : out;
}

function bound(prefix: string, value: unknown, inclusive: boolean | undefined, origin: string): string {
  const op = prefix === "min" ? (inclusive === false ? ">" : "≥") : inclusive === false ? "<" : "≤";
  if (origin === "array") return `${prefix === "min" ? "at least" : "at most"} ${value} item(s)`;
  if (origin === "string") return `${prefix === "min" ? "at least" : "at most"} ${value} character(s)`;
  return `a number ${op} ${value}`;
}

function describeValue(v: unknown): string {
  if (v === undefined) return "nothing";
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "number" || typeof v === "boolean" || v === null) return String(v);
  return Array.isArray(v) ? "a list" : "an object";
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const key of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/** One FieldProblem per zod issue; `input` is the value that was validated (to show what was received). */
export function zodProblems(error: z.ZodError, input: unknown, root = ""): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const issue of error.issues) {
    const i = issue as z.core.$ZodIssue & Record<string, unknown>;
    const received = valueAt(input, issue.path);
    switch (i.code) {
      case "too_small":
        problems.push({
          field: formatPath(issue.path, root),
          allowed: bound("min", i.minimum, i.inclusive as boolean | undefined, String(i.origin)),
          received: describeValue(received),
        });
        break;
      case "too_big":
        problems.push({
          field: formatPath(issue.path, root),
          allowed: bound("max", i.maximum, i.inclusive as boolean | undefined, String(i.origin)),
          received: describeValue(received),
        });
        break;
      case "invalid_type":
        problems.push({
          field: formatPath(issue.path, root),
          allowed: `${received === undefined ? "given as " : ""}${String(i.expected) === "number" ? "a finite number" : `a ${String(i.expected)}`}`,
          received: describeValue(received),
        });
        break;
      case "invalid_value":
        problems.push({
          field: formatPath(issue.path, root),
          allowed: `${received === undefined ? "given as " : ""}one of: ${(i.values as unknown[]).map((v) => String(v)).join(", ")}`,
          received: describeValue(received),
        });
        break;
      case "unrecognized_keys":
        for (const key of i.keys as string[]) {
          problems.push({
            field: formatPath([...issue.path, key], root),
            allowed: "absent (not a known field; check its spelling)",
          });
        }
        break;
      default:
        problems.push({
          field: formatPath(issue.path, root),
          allowed: issue.message,
          received: describeValue(received),
        });
    }
  }
  return problems;
}

/** Parses `input` with `schema`, or throws an InputError listing every problem. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, root = ""): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  throw new InputError(zodProblems(r.error, input, root));
}
