/** `perfuse simulate --plan`: a plan from `perfuse plan --json` runs on its circuit; every error path is one line. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./helpers.ts";

const dir = mkdtempSync(join(tmpdir(), "perfuse-plan-"));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
let adultPlan: string;
let adult: Record<string, unknown>;

beforeAll(async () => {
  const r = await runCli([
    "plan",
    ...["--weight-kg", "80", "--height-cm", "180", "--age-years", "65", "--sex", "male"],
    ...["--hct", "0.42", "--procedure", "cpb", "--lowest-temp-c", "32", "--json"],
  ]);
  expect(r.code).toBe(0);
  adult = JSON.parse(r.stdout);
  adultPlan = file("adult.json", r.stdout);
});

async function fails(args: string[], field: RegExp) {
  const r = await runCli(["simulate", ...args]);
  expect(r.code).not.toBe(0);
  expect(r.stdout).toBe("");
  expect(r.stderr).toMatch(field);
  expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  return r.stderr;
}

describe("perfuse simulate --plan", () => {
  it("--initiate takes the planned 80 kg adult onto bypass at the plan's target flow", async () => {
    const r = await runCli([
      ...["simulate", "--plan", adultPlan, "--initiate", "--duration-s", "180", "--json"],
      ...["--signals", "circuit.arterialPump.flow,circuit.venousReservoir.level,patient.hct"],
    ]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout).signals;
    const target = adult.targetFlowLPerMin as number;
    expect(Math.abs(s["circuit.arterialPump.flow"].last / target - 1)).toBeLessThan(0.05);
    expect(s["circuit.arterialPump.flow"].min).toBeGreaterThanOrEqual(0); // no retrograde flow at unclamping
    expect(s["circuit.venousReservoir.level"].last).toBeGreaterThan(
      (adult.reservoir as { minOperatingLevelMl: number }).minOperatingLevelMl,
    );
    expect(s["patient.hct"].first).toBe(0.42);
  });

  it("without --initiate both lines stay clamped and the pump stopped", async () => {
    const r = await runCli([
      ...["simulate", "--plan", adultPlan, "--duration-s", "20", "--json"],
      ...["--signals", "circuit.arterialPump.flow,circuit.bypassFraction"],
    ]);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout).signals;
    expect(s["circuit.arterialPump.flow"].max).toBe(0);
    expect(s["circuit.bypassFraction"].max).toBe(0);
  });

  it("a missing file is one error line naming --plan", async () => {
    const e = await fails(["--plan", join(dir, "nope.json"), "--duration-s", "10"], /--plan.*no such file/);
    expect(e.trim().split("\n")).toHaveLength(1);
  });

  it("invalid JSON is one error line", async () => {
    const e = await fails(
      ["--plan", file("bad.json", "{ not json"), "--duration-s", "10"],
      /--plan.*not valid JSON/,
    );
    expect(e.trim().split("\n")).toHaveLength(1);
  });

  it("JSON that is not a plan is one error line", async () => {
    const e = await fails(
      [
        "--plan",
        file("scenario.json", JSON.stringify({ patient: "neonate", actions: [] })),
        "--duration-s",
        "10",
      ],
      /--plan must be the JSON printed by `perfuse plan --json`/,
    );
    expect(e.trim().split("\n")).toHaveLength(1);
  });

  it("a plan with a bad field names it", async () => {
    const bad = { ...adult, targetFlowLPerMin: -1 };
    await fails(
      ["--plan", file("neg.json", JSON.stringify(bad)), "--duration-s", "10"],
      /plan\.targetFlowLPerMin/,
    );
  });

  it("a plan with an unsized cannula says which and what to add", async () => {
    // The default catalogue sizes every CPB reference patient; a protocol that allows arterial cannulae only
    // leaves the venous cannula unsized (CANNULA_NO_DATA).
    const protocolFile = file(
      "arterial-only.yaml",
      "preferredDevices:\n  cannulae: [medtronic-biomedicus-arterial-8, medtronic-biomedicus-arterial-10]\n",
    );
    const r = await runCli([
      ...["plan", "--weight-kg", "3.5", "--height-cm", "50", "--age-years", "0.02"],
      ...["--hct", "0.45", "--procedure", "cpb", "--protocol", protocolFile, "--json"],
    ]);
    expect(r.code).toBe(0);
    await fails(
      ["--plan", file("neonate.json", r.stdout), "--initiate", "--duration-s", "10"],
      /plan\.cannulae\[1\].*pressure–flow data for a venous cannula/,
    );
  });

  it("--plan with a scenario that has its own circuit: choose one", async () => {
    await fails(["--plan", adultPlan, "--scenario", "adult-cpb-cabg"], /--plan.*own circuit.*choose one/);
  });

  it("--plan with a scenario without a circuit runs the scenario's timeline on the plan", async () => {
    const r = await runCli([
      ...["simulate", "--plan", adultPlan, "--scenario", "adult-haemorrhage", "--duration-s", "5", "--json"],
      ...["--signals", "circuit.venousReservoir.level"],
    ]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  });

  it("--initiate needs --plan and no scenario; --patient conflicts with --plan", async () => {
    await fails(
      ["--patient", "neonate", "--initiate", "--duration-s", "10"],
      /--initiate must be used with --plan/,
    );
    await fails(
      ["--plan", adultPlan, "--scenario", "adult-haemorrhage", "--initiate"],
      /--initiate must be absent with --scenario/,
    );
    await fails(
      ["--plan", adultPlan, "--patient", "neonate", "--duration-s", "10"],
      /--patient must be absent/,
    );
  });
});
