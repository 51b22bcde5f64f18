/**
 * `perfuse plan --weight-kg … --height-cm … --age-years … --procedure cpb|va-ecmo|vv-ecmo
 *   [--sex …] [--hct …] [--hb-g-dl …] [--lowest-temp-c …] [--protocol file] [--catalogue dir]
 *   [--json] [--sheet file.pdf] [--explain [field]]`
 * Reads the catalogue and protocol (the planner's only I/O, src/io/catalogue-files.ts), runs the pure planner and
 * prints a readable table, or exactly one JSON object with --json.
 */
import { writeFileSync } from "node:fs";
import { Command } from "commander";
import { describeRange } from "../calc/validate.ts";
import { type FieldProblem, InputError } from "../common/errors.ts";
import { loadPlannerData } from "../io/catalogue-files.ts";
import { renderSetupSheet } from "../io/setup-sheet-pdf.ts";
import { explainText, type Plan, plan } from "../planner/index.ts";
import { PLANNER_RANGES } from "../planner/patient.ts";
import { PROCEDURES, SURGERIES, VENOUS_CANNULATIONS } from "../planner/schema.ts";
import { parseCommandLine } from "./command.ts";
import { formatNumber, type Io, reportError, toStrictJson } from "./output.ts";

const FLAGS: Record<string, string> = {
  weightKg: "--weight-kg",
  heightCm: "--height-cm",
  ageYears: "--age-years",
  procedure: "--procedure",
  sex: "--sex",
  hct: "--hct",
  hbGPerDl: "--hb-g-dl",
  lowestTempC: "--lowest-temp-c",
  surgery: "--surgery",
  venousCannulation: "--venous-cannulation",
};

function num(
  raw: string | undefined,
  field: string,
  problems: FieldProblem[],
  required: boolean,
): number | undefined {
  if (raw === undefined) {
    if (required) problems.push({ field: FLAGS[field]!, allowed: "given", received: "nothing" });
    return undefined;
  }
  const v = raw.trim() === "" ? Number.NaN : Number(raw);
  if (!Number.isFinite(v))
    problems.push({ field: FLAGS[field]!, allowed: "a number", received: JSON.stringify(raw) });
  return v;
}

/** The readable table. */
export function formatPlan(p: Plan): string {
  const f = formatNumber;
  const lines: string[] = [];
  const row = (k: string, v: string) => lines.push(`  ${k.padEnd(26)} ${v}`);
  lines.push(
    `Perfuse circuit plan — ${p.patient.procedure.toUpperCase()} — protocol: ${p.protocol}`,
    p.disclaimer,
    "",
  );
  lines.push("Patient");
  row(
    "weight / height / age",
    `${p.patient.weightKg} kg / ${p.patient.heightCm} cm / ${p.patient.ageYears} y`,
  );
  row("Hct", `${f(p.patient.hct, 3)}${p.patient.hctAssumed ? " (assumed)" : ""}`);
  row("BSA", `${f(p.bsaM2, 3)} m² (${p.bsaMethod})`);
  row("blood volume", `${f(p.bloodVolumeMl, 0)} mL`);
  lines.push("Flows");
  row(
    "target",
    `${f(p.targetFlowLPerMin, 2)} L/min${p.cardiacIndex ? ` (CI ${f(p.cardiacIndex, 2)} at ${p.patient.lowestTempC} °C)` : ""}`,
  );
  row("full / maximum", `${f(p.fullFlowLPerMin, 2)} / ${f(p.maxFlowLPerMin, 2)} L/min`);
  lines.push("Circuit");
  row(
    "oxygenator",
    `${p.oxygenator.manufacturer} ${p.oxygenator.model} (${p.oxygenator.minFlowLPerMin}–${p.oxygenator.maxFlowLPerMin} L/min, ${p.oxygenator.primeMl} mL)`,
  );
  row(
    "pump",
    p.pump.type === "roller"
      ? `roller, ${p.pump.bootSizeIn}" boot`
      : `centrifugal${p.pump.model ? ` ${p.pump.model}` : ""}`,
  );
  if (p.reservoir) row("reservoir", `${p.reservoir.model} (min ${p.reservoir.minOperatingLevelMl} mL)`);
  if (p.arterialFilter) row("arterial filter", p.arterialFilter.model);
  for (const [name, l] of Object.entries(p.tubing)) {
    if (l)
      row(
        `${name} line`,
        `${l.sizeIn}" × ${l.lengthCm} cm = ${f(l.volumeMl, 1)} mL${l.inPrime ? "" : " (not in prime)"}`,
      );
  }
  for (const c of p.cannulae) {
    row(
      `${c.role} cannula`,
      c.fr === null
        ? `not sized (${c.model})`
        : `${c.fr} Fr ${c.model}: ΔP ${f(c.pressureDropMmHg ?? 0, 0)} / ${f(c.limitMmHg, 0)} mmHg`,
    );
  }
  lines.push("Prime and blood");
  row("prime", `${f(p.primeVolumeMl, 0)} mL`);
  row(
    "predicted Hct",
    `${f(p.predictedHct, 3)} (clear prime); ${f(p.predictedHctWithRbc, 3)} with ${f(p.rbcToAddMl, 0)} mL red cells`,
  );
  row("DO2i", `${f(p.do2iAtTarget, 0)} mL/min/m² at target flow`);
  lines.push("Doses");
  row("heparin", `${f(p.heparinUnits, 0)} U`);
  if (p.protamineMg !== null) row("protamine (expected)", `${f(p.protamineMg, 0)} mg`);
  if (p.cardioplegia)
    row(
      "cardioplegia",
      `${p.cardioplegia.solution} ${f(p.cardioplegia.doseMl, 0)} mL (blood ${f(p.cardioplegia.bloodMl, 0)} + crystalloid ${f(p.cardioplegia.crystalloidMl, 0)})`,
    );
  lines.push(`Warnings (${p.warnings.length})`);
  for (const w of p.warnings)
    lines.push(
      `  [${w.severity}] ${w.code}: ${w.message}`,
      `      why: ${w.why}`,
      `      change: ${w.change}`,
    );
  lines.push(
    "",
    "perfuse plan … --explain [field] shows each number's formula, inputs, constants and source.",
  );
  return lines.join("\n");
}

export async function runPlan(args: string[], io: Io): Promise<number> {
  const cmd = new Command("perfuse plan")
    .description("patient-specific circuit plan (for education, planning and research; not a medical device)")
    .option("--weight-kg <number>", `body weight, ${describeRange(PLANNER_RANGES.weightKg)}`)
    .option("--height-cm <number>", `height, ${describeRange(PLANNER_RANGES.heightCm)}`)
    .option("--age-years <number>", "age in years")
    .option("--procedure <cpb|va-ecmo|vv-ecmo>", "procedure")
    .option("--sex <male|female>", "sex (blood volume)")
    .option(
      "--hct <fraction>",
      "pre-bypass haematocrit, fraction 0.10–0.75 (assumed from the protocol if absent)",
    )
    .option("--hb-g-dl <number>", "haemoglobin, g/dL")
    .option("--lowest-temp-c <number>", "planned lowest temperature, °C (default 37)")
    .option(
      `--surgery <${SURGERIES.join("|")}>`,
      "CPB: the operation (the protocol cannulates both cavae for open right-heart and mitral surgery)",
    )
    .option(
      `--venous-cannulation <${VENOUS_CANNULATIONS.join("|")}>`,
      "CPB: one venous cannula, two (bicaval, each sized for its cava's share), or by the protocol (auto)",
    )
    .option("--protocol <file>", "institution protocol (YAML/JSON) merged over the default")
    .option("--catalogue <dir>", "institution device files (<family>.yaml) added to the catalogue")
    .option("--json", "print exactly one JSON object")
    .option("--sheet <file.pdf>", "write a printable pump setup sheet (PDF)")
    .option(
      "--explain [field]",
      "show the formula, inputs, constants and source of every number (or one field)",
    );
  const stop = parseCommandLine(cmd, args, io);
  if (stop !== undefined) return stop;
  const o = cmd.opts<Record<string, string | boolean | undefined>>();
  const str = (k: string) => (typeof o[k] === "string" ? (o[k] as string) : undefined);
  try {
    const problems: FieldProblem[] = [];
    const weightKg = num(str("weightKg"), "weightKg", problems, true);
    const heightCm = num(str("heightCm"), "heightCm", problems, true);
    const ageYears = num(str("ageYears"), "ageYears", problems, true);
    const hct = num(str("hct"), "hct", problems, false);
    const hbGPerDl = num(str("hbGPerDl"), "hbGPerDl", problems, false);
    const lowestTempC = num(str("lowestTempC"), "lowestTempC", problems, false);
    const procedure = str("procedure");
    if (procedure === undefined)
      problems.push({
        field: "--procedure",
        allowed: `given as one of: ${PROCEDURES.join(", ")}`,
        received: "nothing",
      });
    if (problems.length > 0) throw new InputError(problems);
    const { catalogue, protocol } = loadPlannerData({
      ...(str("protocol") ? { protocolFile: str("protocol")! } : {}),
      ...(str("catalogue") ? { catalogueDir: str("catalogue")! } : {}),
    });
    const result = plan(
      {
        weightKg: weightKg!,
        heightCm: heightCm!,
        ageYears: ageYears!,
        procedure: procedure as never,
        ...(str("sex") ? { sex: str("sex") as never } : {}),
        ...(hct !== undefined ? { hct } : {}),
        ...(hbGPerDl !== undefined ? { hbGPerDl } : {}),
        ...(lowestTempC !== undefined ? { lowestTempC } : {}),
        ...(str("surgery") ? { surgery: str("surgery") as never } : {}),
        ...(str("venousCannulation") ? { venousCannulation: str("venousCannulation") as never } : {}),
      },
      protocol,
      catalogue,
    );
    const sheet = str("sheet");
    if (sheet) {
      const pdf = await renderSetupSheet(result);
      try {
        writeFileSync(sheet, pdf);
      } catch (e) {
        throw new InputError({
          field: "--sheet",
          allowed: "a path in a writable folder",
          received: `${JSON.stringify(sheet)} (${(e as NodeJS.ErrnoException).code ?? "write failed"})`,
        });
      }
    }
    if (o.json) io.out(toStrictJson(result));
    else if (o.explain !== undefined) {
      const field = typeof o.explain === "string" ? o.explain : undefined;
      const entries = Object.entries(result.explanations).filter(([k]) => field === undefined || k === field);
      if (entries.length === 0) {
        throw new InputError({
          field: "--explain",
          allowed: `one of: ${Object.keys(result.explanations).join(", ")}`,
          received: String(field),
        });
      }
      io.out(entries.map(([k, e]) => explainText(k, e)).join("\n\n"));
    } else io.out(formatPlan(result));
    if (sheet && !o.json) io.err(`perfuse: wrote ${sheet}`);
    return 0;
  } catch (e) {
    return reportError(io, e, (field) => FLAGS[field] ?? field);
  }
}
