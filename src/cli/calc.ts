/**
 * `perfuse calc <name> [--flags] [--json]`: runs one clinical calculator.
 * Flags come from the calculator's ParamSpec list, so help, validation and errors share one source.
 */
import { Command } from "commander";
import {
  type CalcInputs,
  type CalculatorSpec,
  calculators,
  describeRange,
  isInRange,
} from "../calc/index.ts";
import { type FieldProblem, InputError } from "../common/errors.ts";
import { parseCommandLine } from "./command.ts";
import { EXIT_USAGE, formatNumber, type Io, reportError, toStrictJson } from "./output.ts";

function optionLabel(p: CalculatorSpec["params"][number]): string {
  if (p.kind === "number") return `--${p.flag} <number>`;
  if (p.kind === "choice") return `--${p.flag} <${(p.choices ?? []).join("|")}>`;
  return `--${p.flag} <value>`;
}

function paramHelp(p: CalculatorSpec["params"][number]): string {
  const parts = [p.description];
  if (p.kind === "number" && p.range) parts.push(describeRange(p.range));
  if (p.default !== undefined) parts.push(`default ${p.default}`);
  else if (p.optional) parts.push("optional");
  else parts.push("required");
  return parts.join("; ");
}

/** The text of `perfuse calc --help`: every calculator with its flags, units, defaults and source. */
export function calcHelpText(): string {
  const lines = [
    "Usage: perfuse calc <calculator> [--flags] [--json]",
    "",
    "Clinical calculators. Saturations and haematocrits are fractions 0–1. --json prints one JSON object.",
    "For education, planning and research; not a medical device.",
    "",
  ];
  for (const c of calculators) {
    lines.push(`${c.name} — ${c.summary}`);
    for (const p of c.params) lines.push(`    ${optionLabel(p).padEnd(40)} ${paramHelp(p)}`);
    lines.push(`    source: ${c.source}`, "");
  }
  return lines.join("\n");
}

/** Reads the raw string options into typed inputs, collecting every problem. */
export function parseCalcInputs(spec: CalculatorSpec, raw: Record<string, string | undefined>): CalcInputs {
  const inputs: CalcInputs = {};
  const problems: FieldProblem[] = [];
  for (const p of spec.params) {
    const text = raw[p.key];
    if (text === undefined) {
      if (p.default !== undefined) inputs[p.key] = p.default;
      else if (!p.optional) {
        problems.push({
          field: `--${p.flag}`,
          allowed:
            p.kind === "number" && p.range
              ? `given: ${describeRange(p.range)}`
              : p.kind === "choice"
                ? `given: one of ${(p.choices ?? []).join(", ")}`
                : "given",
          received: "nothing",
        });
      }
      continue;
    }
    if (p.kind === "number") {
      const value = text.trim() === "" ? Number.NaN : Number(text);
      if (!p.range || !isInRange(value, p.range)) {
        problems.push({
          field: `--${p.flag}`,
          allowed: p.range ? describeRange(p.range) : "a finite number",
          received: JSON.stringify(text),
        });
      } else inputs[p.key] = value;
    } else if (p.kind === "choice") {
      if (!(p.choices ?? []).includes(text)) {
        problems.push({
          field: `--${p.flag}`,
          allowed: `one of: ${(p.choices ?? []).join(", ")}`,
          received: JSON.stringify(text),
        });
      } else inputs[p.key] = text;
    } else inputs[p.key] = text;
  }
  if (problems.length > 0) throw new InputError(problems);
  return inputs;
}

export function formatCalcLine(r: ReturnType<CalculatorSpec["run"]>): string {
  const extra = r.extra
    ? ` (${Object.entries(r.extra)
        .map(([k, v]) => `${k} ${formatNumber(v.value)} ${v.unit}`)
        .join(", ")})`
    : "";
  const method = r.method === r.calculator ? "" : ` [${r.method}]`;
  return `${r.calculator}${method}: ${formatNumber(r.value)} ${r.unit}${extra} — ${r.formula}; ${r.source}`;
}

/** Runs `perfuse calc …`; returns the exit code. */
export async function runCalc(args: string[], io: Io): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.out(calcHelpText());
    return name === undefined ? EXIT_USAGE : 0;
  }
  const spec = calculators.find((c) => c.name === name);
  if (!spec) {
    io.err(
      `perfuse: error: calculator must be one of: ${calculators.map((c) => c.name).join(", ")} (got ${JSON.stringify(name)})`,
    );
    return EXIT_USAGE;
  }
  const cmd = new Command(`perfuse calc ${spec.name}`)
    .description(spec.summary)
    .option("--json", "print one JSON object")
    .helpOption("-h, --help", "show this calculator's flags");
  for (const p of spec.params) cmd.option(optionLabel(p), paramHelp(p));
  cmd.addHelpText("after", `\nsource: ${spec.source}`);
  const stop = parseCommandLine(cmd, rest, io);
  if (stop !== undefined) return stop;
  const opts = cmd.opts<Record<string, string | boolean | undefined>>();
  const raw: Record<string, string | undefined> = {};
  for (const p of spec.params) {
    const camel = p.flag.replace(/-([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
    const v = opts[camel];
    raw[p.key] = typeof v === "string" ? v : undefined;
  }
  const flagOf = (field: string) => {
    const p = spec.params.find((q) => q.key === field);
    return p ? `--${p.flag}` : field;
  };
  try {
    const result = spec.run(parseCalcInputs(spec, raw));
    if (!Number.isFinite(result.value)) {
      throw new Error(`${spec.name} gave no finite result for these inputs; check that they are consistent`);
    }
    io.out(opts.json ? toStrictJson(result) : formatCalcLine(result));
    return 0;
  } catch (e) {
    return reportError(io, e, flagOf);
  }
}
