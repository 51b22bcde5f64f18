/**
 * The `perfuse` command line. Each subcommand lives in its own module; this file only dispatches,
 * so `--help` stays short and each command owns its flags and errors.
 */
import { runCalc } from "./calc.ts";
import { EXIT_USAGE, type Io, processIo, reportError } from "./output.ts";
import { runPlan } from "./plan.ts";

interface Subcommand {
  summary: string;
  run(args: string[], io: Io): Promise<number>;
}

const subcommands: Record<string, Subcommand> = {
  calc: { summary: "clinical calculators (perfuse calc --help lists them)", run: runCalc },
  plan: { summary: "patient-specific circuit plan and pump setup sheet (perfuse plan --help)", run: runPlan },
  simulate: {
    summary: "run the patient model (and a scenario) and summarise its signals",
    run: async (args, io) => (await import("./simulate.ts")).runSimulate(args, io),
  },
  validate: {
    summary: "run every reference check of the patient model and print the validation table",
    run: async (args, io) => (await import("./validate.ts")).runValidate(args, io),
  },
  serve: {
    summary: "serve the Perfuse web app on http://localhost:8080 (PORT changes it)",
    run: async (args, io) => (await import("../server/serve.ts")).runServe(args, io),
  },
};

export function mainHelpText(): string {
  const lines = [
    "Usage: perfuse <command> [options]",
    "",
    "Perfuse: perfusion simulator, circuit planner and calculators.",
    "For education, planning and research; not a medical device.",
    "",
    "Commands:",
  ];
  for (const [name, s] of Object.entries(subcommands)) lines.push(`  ${name.padEnd(10)} ${s.summary}`);
  lines.push("", "Run perfuse <command> --help for a command's options.");
  return lines.join("\n");
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    io.out(mainHelpText());
    return command === undefined ? EXIT_USAGE : 0;
  }
  const sub = subcommands[command];
  if (!sub) {
    io.err(
      `perfuse: error: command must be one of: ${Object.keys(subcommands).join(", ")} (got ${JSON.stringify(command)})`,
    );
    return EXIT_USAGE;
  }
  try {
    return await sub.run(rest, io);
  } catch (e) {
    return reportError(io, e);
  }
}
