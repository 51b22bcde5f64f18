/** Formatting helpers for the command line: numbers that never print as NaN, one-line errors. */
import { formatProblem, InputError } from "../common/errors.ts";

/** Exit code for bad input (usage errors), as most CLIs use. */
export const EXIT_USAGE = 2;
/** Exit code for a failure that is not the user's input. */
export const EXIT_FAILURE = 1;

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: Io = {
  out: (t) => process.stdout.write(t.endsWith("\n") ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith("\n") ? t : `${t}\n`),
};

/** A readable number: up to `digits` decimals, trailing zeros removed. */
export function formatNumber(value: number, digits = 4): string {
  if (!Number.isFinite(value)) return "—";
  const abs = Math.abs(value);
  const d = abs >= 1000 ? Math.min(digits, 1) : abs >= 100 ? Math.min(digits, 2) : digits;
  return Number(value.toFixed(d)).toString();
}

/** Prints an error in one line and returns the exit code to use. `rename` maps field names to what the user typed. */
export function reportError(io: Io, error: unknown, rename: (field: string) => string = (f) => f): number {
  if (error instanceof InputError) {
    io.err(
      `perfuse: error: ${error.problems.map((p) => formatProblem({ ...p, field: rename(p.field) })).join("; ")}`,
    );
    return EXIT_USAGE;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.err(`perfuse: error: ${message.split("\n")[0]}`);
  return EXIT_FAILURE;
}

/** JSON.stringify that refuses NaN and ±Infinity instead of silently writing null. */
export function toStrictJson(value: unknown, indent?: number): string {
  return JSON.stringify(
    value,
    (key, v) => {
      if (typeof v === "number" && !Number.isFinite(v)) {
        throw new Error(`internal error: non-finite number in output field "${key}"`);
      }
      return v;
    },
    indent,
  );
}
