import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Io } from "../../src/cli/output.ts";
import { runSimulate } from "../../src/cli/simulate.ts";
import { FakeSimulation } from "../../src/scenario/fake-simulation.test-helper.ts";

async function run(args: string[]) {
  let stdout = "";
  let stderr = "";
  const io: Io = {
    out: (t) => {
      stdout += `${t}\n`;
    },
    err: (t) => {
      stderr += `${t}\n`;
    },
  };
  const code = await runSimulate(args, io, { createSimulation: () => new FakeSimulation() });
  return { code, stdout, stderr };
}

const dir = mkdtempSync(join(tmpdir(), "perfuse-sim-"));

describe("perfuse simulate (CLI plumbing, with a stand-in simulation)", () => {
  it("--json prints one object with simulatedSeconds and per-signal statistics with units", async () => {
    const r = await run(["--patient", "adult-male", "--duration-s", "10", "--sample-s", "2", "--json"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.simulatedSeconds).toBe(10);
    expect(json.signals["fake.time"]).toEqual({ unit: "s", first: 0, last: 10, min: 0, max: 10, mean: 5 });
    expect(r.stdout.trim().split("\n")).toHaveLength(1);
  });

  it("runs a scenario file's actions and writes every sample to CSV with units in the header", async () => {
    const scenario = join(dir, "bleed.yaml");
    writeFileSync(
      scenario,
      "patient: adult-male\ndurationS: 60\nactions:\n  - { t: 0, type: bleeding.set, rateMlPerMin: 120 }\n",
    );
    const out = join(dir, "bleed.csv");
    const r = await run([
      "--scenario",
      scenario,
      "--out",
      out,
      "--signals",
      "patient.bloodVolume",
      "--sample-s",
      "30",
    ]);
    expect(r.code).toBe(0);
    const lines = readFileSync(out, "utf8").trim().split("\n");
    expect(lines[0]).toBe("time [s],patient.bloodVolume [mL]");
    expect(lines).toHaveLength(4);
    expect(Number(lines[3]!.split(",")[1])).toBeCloseTo(5000 - 120, 6);
    expect(r.stdout).toMatch(/patient\.bloodVolume\s+mL/);
  });

  it("writes NDJSON: a signals line then one sample per line", async () => {
    const out = join(dir, "run.ndjson");
    const r = await run(["--patient", "neonate", "--duration-s", "2", "--out", out]);
    expect(r.code).toBe(0);
    const lines = readFileSync(out, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines[0].kind).toBe("signals");
    expect(lines[0].signals[0]).toEqual({ name: "fake.time", unit: "s" });
    expect(lines.slice(1).map((l) => l.t)).toEqual([0, 1, 2]);
  });

  it.each([
    [["--duration-s", "10"], /--patient must be given/],
    [["--patient", "adult-male"], /--duration-s must be given/],
    [["--patient", "adult-male", "--duration-s", "-5"], /--duration-s must be a number > 0/],
    [["--patient", "adult-male", "--duration-s", "abc"], /--duration-s must be a number > 0/],
    [
      ["--patient", "adult-male", "--duration-s", "5", "--sample-s", "10"],
      /--sample-s must be ≤ the duration/,
    ],
    [["--patient", "adult-male", "--duration-s", "5", "--seed", "1.5"], /--seed must be a whole number/],
    [
      ["--patient", "giant", "--duration-s", "5"],
      /--patient must be one of: neonate, infant, child, adult-male, adult-female/,
    ],
    [["--patient", "adult-male", "--duration-s", "5", "--signals", "patient.nope"], /signal/],
    [
      ["--patient", "adult-male", "--duration-s", "5", "--out", "x.txt"],
      /--out must be a file name ending in \.csv or \.ndjson/,
    ],
    [["--scenario", "no-such-scenario", "--duration-s", "5"], /--scenario must be a scenario file path/],
    [["--patient", "adult-male", "--duration-s", "5", "--bogus"], /unknown option '--bogus'/],
  ])("%j is refused with one line and exit code 2", async (args, message) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe("");
  });

  it("refuses a malformed scenario file naming the line, and leaves no partial output file", async () => {
    const bad = join(dir, "bad.yaml");
    writeFileSync(bad, "patient: adult-male\nactions: [ { t: 1, type: bleeding.set, rateMlPerMin: 5 }\n");
    const out = join(dir, "never.csv");
    const r = await run(["--scenario", bad, "--duration-s", "5", "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.yaml \(line \d+, column \d+\) must be valid YAML or JSON/);
    expect(readdirSync(dir).filter((f) => f.startsWith("never"))).toEqual([]);
  });
});
