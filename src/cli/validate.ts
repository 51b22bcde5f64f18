/**
 * `perfuse validate [--json] [--group text]`: runs every reference check and prints a table
 * (quantity, reference, source, model value, verdict). Exit code 0 when no row is poor, 1 otherwise.
 */
import { Command } from "commander";
import { allExperiments, countVerdicts, runExperiment, type ValidationRow } from "../validation/index.ts";
import { parseCommandLine } from "./command.ts";
import { EXIT_FAILURE, EXIT_USAGE, formatNumber, type Io, reportError, toStrictJson } from "./output.ts";

export function formatValidationTable(rows: readonly ValidationRow[]): string {
  const lines: string[] = [];
  let group = "";
  const header = ["quantity", "unit", "reference", "model", "dev %", "verdict", "source"];
  const cells = rows.map((r) => [
    r.quantity,
    r.unit,
    r.reference,
    formatNumber(r.model, 3),
    formatDeviationPercent(r.deviation),
    r.verdict.toUpperCase(),
    r.source,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (i < 6 ? c[i]!.length : 0))));
  const fmt = (c: string[]) => c.map((x, i) => (i < 6 ? x.padEnd(widths[i]!) : x)).join("  ");
  rows.forEach((r, i) => {
    if (r.group !== group) {
      group = r.group;
      lines.push("", `## ${group}`, fmt(header));
    }
    lines.push(fmt(cells[i]!));
  });
  const c = countVerdicts(rows);
  lines.push("", `${rows.length} rows: ${c.good} good, ${c.fair} fair, ${c.poor} poor.`);
  lines.push(
    "Bands: good < 10 % from a value or inside a range; fair < 30 %; poor otherwise (as Pulse's tables).",
  );
  return lines.join("\n").trimStart();
}

/** Deviation in per cent, 0.1 % resolution; a small non-zero deviation keeps one significant digit (not "0.0"). */
function formatDeviationPercent(d: number): string {
  if (!Number.isFinite(d)) return "—";
  const pct = d * 100;
  return pct > 0 && pct < 0.05 ? pct.toPrecision(1) : pct.toFixed(1);
}

/** The table as Markdown (docs/validation.md is generated with `perfuse validate --markdown`). */
export function formatValidationMarkdown(rows: readonly ValidationRow[]): string {
  const esc = (t: string) => t.replaceAll("|", "\\|");
  const lines: string[] = [];
  let group = "";
  for (const r of rows) {
    if (r.group !== group) {
      group = r.group;
      lines.push(
        "",
        `### ${group}`,
        "",
        "| quantity | unit | reference | model | deviation | verdict | source |",
        "|---|---|---|---|---|---|---|",
      );
    }
    const dev = Number.isFinite(r.deviation) ? `${formatDeviationPercent(r.deviation)} %` : "—";
    lines.push(
      `| ${esc(r.quantity)} | ${esc(r.unit)} | ${esc(r.reference)} | ${formatNumber(r.model, 3)} | ${dev} | ${r.verdict} | ${esc(r.source)} |`,
    );
  }
  const c = countVerdicts(rows);
  lines.push("", `${rows.length} rows: ${c.good} good, ${c.fair} fair, ${c.poor} poor.`);
  return lines.join("\n").trimStart();
}

export async function runValidate(args: string[], io: Io): Promise<number> {
  const cmd = new Command("perfuse validate")
    .description("Run every reference check of the patient model and print the validation table.")
    .option("--group <text>", "only the experiments whose group contains this text (e.g. neonate)")
    .option("--json", "print one JSON object: { rows: [...], counts: { good, fair, poor } }")
    .option("--markdown", "print the table as Markdown (as in docs/validation.md)");
  const stop = parseCommandLine(cmd, args, io);
  if (stop !== undefined) return stop;
  const o = cmd.opts<{ group?: string; json?: boolean; markdown?: boolean }>();
  try {
    const experiments = allExperiments().filter((e) => o.group === undefined || e.group.includes(o.group));
    if (experiments.length === 0) {
      const groups = allExperiments().map((e) => e.group);
      io.err(
        `perfuse: error: --group must match one of: ${groups.join("; ")} (got ${JSON.stringify(o.group)})`,
      );
      return EXIT_USAGE;
    }
    const rows = experiments.flatMap(runExperiment);
    const counts = countVerdicts(rows);
    if (o.json) {
      const jsonRows = rows.map((r) => ({
        ...r,
        deviation: Number.isFinite(r.deviation) ? r.deviation : null,
      }));
      io.out(toStrictJson({ rows: jsonRows, counts }));
    } else io.out(o.markdown ? formatValidationMarkdown(rows) : formatValidationTable(rows));
    return counts.poor === 0 ? 0 : EXIT_FAILURE;
  } catch (e) {
    return reportError(io, e);
  }
}
