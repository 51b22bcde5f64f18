/** Shared commander plumbing: every subcommand parses the same way and reports usage errors in one line. */
import type { Command } from "commander";
import { EXIT_USAGE, type Io } from "./output.ts";

/**
 * Parses `args` with `cmd` (printing help to `io`), and returns the exit code to stop with: 0 after --help,
 * EXIT_USAGE for an unknown flag, a missing flag value or a stray positional argument; undefined to go on.
 */
export function parseCommandLine(cmd: Command, args: string[], io: Io): number | undefined {
  cmd.exitOverride().configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: () => {} });
  try {
    cmd.parse(args, { from: "user" });
  } catch (e) {
    const err = e as { code?: string; message?: string };
    if (err.code === "commander.helpDisplayed" || err.code === "commander.help") return 0;
    io.err(
      `perfuse: error: ${(err.message ?? String(e)).replace(/^error: /, "")} (${cmd.name()} --help lists the flags)`,
    );
    return EXIT_USAGE;
  }
  if (cmd.args.length > 0) {
    io.err(
      `perfuse: error: unexpected argument ${JSON.stringify(cmd.args[0])}; flags take the form --name value`,
    );
    return EXIT_USAGE;
  }
  return undefined;
}
