/**
 * `perfuse simulate`: runs a patient (and optionally a scenario timeline) for a given simulated time,
 * prints a summary of every signal, and can write all samples to CSV or NDJSON.
 */
import { closeSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { extname } from "node:path";
import { Command } from "commander";
import { type FieldProblem, InputError } from "../common/errors.ts";
import { loadPlannerData } from "../io/catalogue-files.ts";
import { loadPlan } from "../io/plan-files.ts";
import { loadPatient, loadScenario } from "../io/scenario-files.ts";
import { circuitFromPlan, initiationActions, patientFromPlan } from "../planner/to-circuit.ts";
import { type RunSummary, runSimulation } from "../scenario/run.ts";
import { MAX_DURATION_S, type Scenario } from "../scenario/schema.ts";
import { type Action, createSimulation, PATIENT_PRESETS, type PatientSpec } from "../sim/index.ts";
import { parseCommandLine } from "./command.ts";
import { formatNumber, type Io, reportError, toStrictJson } from "./output.ts";

interface SimulateOptions {
  patient?: string;
  scenario?: string;
  plan?: string;
  initiate?: boolean;
  catalogue?: string;
  durationS?: string;
  sampleS?: string;
  seed?: string;
  out?: string;
  signals?: string;
  json?: boolean;
  fastForward?: boolean;
}

function numberFlag(
  problems: FieldProblem[],
  flag: string,
  text: string | undefined,
  lo: number,
  hi: number,
  integer = false,
) {
  if (text === undefined) return undefined;
  const v = text.trim() === "" ? Number.NaN : Number(text);
  const ok = Number.isFinite(v) && v > lo && v <= hi && (!integer || Number.isInteger(v));
  if (!ok) {
    problems.push({
      field: flag,
      allowed: integer ? `a whole number from ${lo + 1} to ${hi}` : `a number > ${lo} and ≤ ${hi}`,
      received: JSON.stringify(text),
    });
    return undefined;
  }
  return v;
}

/** Streams samples to a temporary file, renamed into place only when the run completes (nothing half-written). */
class SampleFileWriter {
  private readonly fd: number;
  private readonly tmp: string;
  private readonly format: "csv" | "ndjson";
  private buffer = "";
  constructor(
    private readonly path: string,
    private readonly names: string[],
    units: string[],
  ) {
    const ext = extname(path).toLowerCase();
    if (ext !== ".csv" && ext !== ".ndjson") {
      throw new InputError({
        field: "--out",
        allowed: "a file name ending in .csv or .ndjson",
        received: JSON.stringify(path),
      });
    }
    this.format = ext === ".csv" ? "csv" : "ndjson";
    this.tmp = `${path}.partial-${process.pid}`;
    try {
      this.fd = openSync(this.tmp, "w");
    } catch (e) {
      throw new InputError({
        field: "--out",
        allowed: "a path in a writable folder",
        received: `${JSON.stringify(path)} (${(e as NodeJS.ErrnoException).code ?? "error"})`,
      });
    }
    if (this.format === "csv") {
      this.write(`time [s],${names.map((n, i) => `${n} [${units[i]}]`).join(",")}\n`);
    } else {
      this.write(
        `${JSON.stringify({ kind: "signals", signals: names.map((n, i) => ({ name: n, unit: units[i] })) })}\n`,
      );
    }
  }
  private write(text: string) {
    this.buffer += text;
    if (this.buffer.length > 1 << 16) this.flush();
  }
  private flush() {
    writeSync(this.fd, this.buffer);
    this.buffer = "";
  }
  sample(t: number, values: Float64Array) {
    if (this.format === "csv") {
      let line = String(Number(t.toFixed(6)));
      for (let k = 0; k < values.length; k++) line += `,${values[k]}`;
      this.write(`${line}\n`);
    } else {
      const obj: Record<string, number> = {};
      for (let k = 0; k < values.length; k++) obj[this.names[k]!] = values[k]!;
      this.write(`${JSON.stringify({ kind: "sample", t: Number(t.toFixed(6)), values: obj })}\n`);
    }
  }
  commit() {
    this.flush();
    closeSync(this.fd);
    renameSync(this.tmp, this.path);
  }
  abandon() {
    try {
      closeSync(this.fd);
    } catch {}
    rmSync(this.tmp, { force: true });
  }
}

export function formatSummaryTable(summary: RunSummary): string {
  const rows = Object.entries(summary.signals).map(([name, s]) => [
    name,
    s.unit,
    formatNumber(s.first, 3),
    formatNumber(s.last, 3),
    formatNumber(s.min, 3),
    formatNumber(s.max, 3),
    formatNumber(s.mean, 3),
  ]);
  const header = ["signal", "unit", "first", "last", "min", "max", "mean"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [
    `Simulated ${formatNumber(summary.simulatedSeconds, 3)} s (${summary.samples} samples). Education and research only; not a medical device.`,
    line(header),
    ...rows.map(line),
  ].join("\n");
}

/** Flags that only make sense together: --plan with --patient, a circuit scenario, --initiate, --catalogue. */
function checkPlanFlags(o: SimulateOptions, scenario: Scenario | undefined): void {
  const problems: FieldProblem[] = [];
  if (o.plan === undefined) {
    if (o.initiate)
      problems.push({ field: "--initiate", allowed: "used with --plan", received: "no --plan" });
    if (o.catalogue !== undefined)
      problems.push({ field: "--catalogue", allowed: "used with --plan", received: "no --plan" });
  } else {
    if (o.patient !== undefined) {
      problems.push({
        field: "--patient",
        allowed: "absent with --plan (the plan's patient is simulated): choose one",
        received: JSON.stringify(o.patient),
      });
    }
    if (scenario?.circuit !== undefined) {
      problems.push({
        field: "--plan",
        allowed: `absent with a scenario that has its own circuit (${scenario.name ?? o.scenario}): choose one, the plan's circuit or the scenario's`,
        received: JSON.stringify(o.plan),
      });
    }
    if (o.initiate && scenario !== undefined) {
      problems.push({
        field: "--initiate",
        allowed: "absent with --scenario (the scenario's timeline runs): choose one",
        received: "--initiate",
      });
    }
  }
  if (problems.length > 0) throw new InputError(problems);
}

/** The plan's patient, circuit and standard initiation (src/planner/to-circuit.ts). */
function loadPlanned(o: SimulateOptions) {
  const plan = loadPlan(o.plan!);
  const { catalogue } = loadPlannerData(o.catalogue === undefined ? {} : { catalogueDir: o.catalogue });
  return {
    patient: patientFromPlan(plan),
    circuit: circuitFromPlan(plan, { catalogue }),
    initiation: initiationActions(plan),
  };
}

/** What `runSimulate` needs from the engine; tests pass a fake. */
export interface SimulateDeps {
  createSimulation: typeof createSimulation;
}

export async function runSimulate(
  args: string[],
  io: Io,
  deps: SimulateDeps = { createSimulation },
): Promise<number> {
  const cmd = new Command("perfuse simulate")
    .description("Run the patient model (and a scenario timeline) and summarise every signal.")
    .option("--patient <preset|file>", `a preset (${PATIENT_PRESETS.join(", ")}) or a patient JSON/YAML file`)
    .option("--scenario <name|file>", "a scenario file (YAML/JSON) or the name of a shipped scenario")
    .option(
      "--plan <file>",
      "a plan from `perfuse plan --json`: its patient on its circuit (both lines clamped, pump stopped)",
    )
    .option(
      "--initiate",
      "with --plan and no scenario: go on bypass (unclamp, pump stepped to the plan's target flow over 60 s)",
    )
    .option("--catalogue <dir>", "with --plan: the institution catalogue the plan was made with")
    .option(
      "--duration-s <seconds>",
      `simulated time to run, > 0 and ≤ ${MAX_DURATION_S} s (default: the scenario's durationS)`,
    )
    .option("--sample-s <seconds>", "sampling interval for the summary and --out, > 0 s (default 1)")
    .option("--seed <n>", "random seed, a whole number (default: the scenario's seed, else 1)")
    .option("--signals <names>", "comma-separated signal names to record (default: all)")
    .option("--out <file>", "write every sample to a .csv or .ndjson file")
    .option(
      "--fast-forward",
      "hours to days quickly: windows of the full model between coasts of the slow physiology (no waveforms)",
    )
    .option(
      "--json",
      "print one JSON object: { simulatedSeconds, signals: { name: { unit, first, last, min, max, mean } } }",
    );
  const stop = parseCommandLine(cmd, args, io);
  if (stop !== undefined) return stop;
  const o = cmd.opts<SimulateOptions>();
  let writer: SampleFileWriter | undefined;
  try {
    const problems: FieldProblem[] = [];
    const durationFlag = numberFlag(problems, "--duration-s", o.durationS, 0, MAX_DURATION_S);
    const sampleS = numberFlag(problems, "--sample-s", o.sampleS, 0, MAX_DURATION_S) ?? 1;
    const seedFlag = numberFlag(problems, "--seed", o.seed, -1, 4294967295, true);
    if (problems.length > 0) throw new InputError(problems);

    let scenario: Scenario | undefined;
    if (o.scenario !== undefined) scenario = loadScenario(o.scenario);
    checkPlanFlags(o, scenario);
    const planned = o.plan === undefined ? undefined : loadPlanned(o);
    let patient: PatientSpec;
    if (planned) patient = planned.patient;
    else if (o.patient !== undefined) patient = loadPatient(o.patient);
    else if (scenario) patient = scenario.patient;
    else
      throw new InputError({
        field: "--patient",
        allowed: `given (a preset: ${PATIENT_PRESETS.join(", ")}, or a file), or --scenario, or --plan`,
      });
    const durationS = durationFlag ?? scenario?.durationS;
    if (durationS === undefined) {
      throw new InputError({
        field: "--duration-s",
        allowed: `given: a number of seconds > 0 and ≤ ${MAX_DURATION_S}`,
        received: "nothing",
      });
    }
    if (sampleS > durationS) {
      throw new InputError({
        field: "--sample-s",
        allowed: `≤ the duration (${durationS} s)`,
        received: String(sampleS),
      });
    }
    const timeline: Action[] = o.initiate && planned ? planned.initiation : (scenario?.actions ?? []);
    const actions = timeline.filter((a) => a.t <= durationS);
    const seed = seedFlag ?? scenario?.seed ?? 1;
    const circuit = planned?.circuit ?? scenario?.circuit;
    const sim = deps.createSimulation({
      patient,
      seed,
      ...(circuit === undefined ? {} : { circuit }),
      ...(o.fastForward ? { fastForward: true } : {}),
    });
    const signalNames = o.signals
      ?.split(",")
      .map((s) => s.trim())
      .filter((s) => s !== "");
    if (signalNames) for (const n of signalNames) sim.signalIndex(n);
    const names = signalNames ?? sim.signals.map((s) => s.name);
    if (o.out !== undefined) {
      writer = new SampleFileWriter(
        o.out,
        names,
        names.map((n) => sim.signals[sim.signalIndex(n)]!.unit),
      );
    }
    const w = writer;
    const summary = runSimulation(sim, actions, {
      durationS,
      sampleS,
      ...(signalNames ? { signals: signalNames } : {}),
      ...(w ? { onSample: (t: number, v: Float64Array) => w.sample(t, v) } : {}),
    });
    writer?.commit();
    writer = undefined;
    io.out(
      o.json
        ? toStrictJson({ simulatedSeconds: summary.simulatedSeconds, signals: summary.signals })
        : formatSummaryTable(summary),
    );
    return 0;
  } catch (e) {
    writer?.abandon();
    return reportError(io, e);
  }
}
