import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { main } from "../../src/cli/main.ts";
import type { Io } from "../../src/cli/output.ts";

export const repoRoot = join(import.meta.dirname, "..", "..");

/** Runs the CLI in-process and captures what it prints. */
export async function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: Io = {
    out: (t) => {
      stdout += t.endsWith("\n") ? t : `${t}\n`;
    },
    err: (t) => {
      stderr += t.endsWith("\n") ? t : `${t}\n`;
    },
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

/** Runs the real `perfuse` binary in a child process (slower; for exit codes and process behaviour). */
export function runBinary(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [join(repoRoot, "bin", "perfuse.js"), ...args], {
    cwd: repoRoot,
    encoding: "utf8",
    env: { ...process.env, ...env },
    timeout: 120_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
