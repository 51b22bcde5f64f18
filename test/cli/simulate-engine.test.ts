import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./helpers.ts";

// The signals issue 3 requires in the simulate summary, with their units.
const REQUIRED: Record<string, string> = {
  "patient.hr": "1/min",
  "patient.sbp": "mmHg",
  "patient.dbp": "mmHg",
  "patient.map": "mmHg",
  "patient.cvp": "mmHg",
  "patient.papMean": "mmHg",
  "patient.lap": "mmHg",
  "patient.co": "L/min",
  "patient.sv": "mL",
  "patient.sao2": "fraction",
  "patient.svo2": "fraction",
  "patient.pao2": "mmHg",
  "patient.paco2": "mmHg",
  "patient.ph": "",
  "patient.hb": "g/dL",
  "patient.hct": "fraction",
  "patient.lactate": "mmol/L",
  "patient.tempCore": "°C",
  "patient.vo2": "mL/min",
  "patient.vco2": "mL/min",
  "patient.act": "s",
  "patient.bloodVolume": "mL",
  // Labs added with the K+/glucose model (docs/models/metabolism.md).
  "patient.potassium": "mmol/L",
  "patient.glucose": "mmol/L",
};

describe("perfuse simulate with the physiology engine", () => {
  it("--fast-forward runs hours quickly and keeps the slow physiology of the full run", async () => {
    const args = ["simulate", "--patient", "child", "--duration-s", "1800", "--sample-s", "60", "--json"];
    const full = JSON.parse((await runCli(args)).stdout);
    const r = await runCli([...args, "--fast-forward"]);
    expect(r.code).toBe(0);
    const ff = JSON.parse(r.stdout);
    expect(ff.simulatedSeconds).toBe(1800);
    // Same slow physiology at the end (docs/models/engine.md, fast-forward): temperature, gases, volume.
    expect(
      Math.abs(ff.signals["patient.tempCore"].last - full.signals["patient.tempCore"].last),
    ).toBeLessThan(0.02);
    expect(Math.abs(ff.signals["patient.paco2"].last - full.signals["patient.paco2"].last)).toBeLessThan(0.5);
    const v = (j: typeof ff) => j.signals["patient.bloodVolume"].last as number;
    expect(Math.abs(v(ff) / v(full) - 1)).toBeLessThan(0.002);
  }, 60_000);

  it("summarises every required signal with its unit; values finite and plausible from t = 0", async () => {
    const r = await runCli(["simulate", "--patient", "adult-male", "--duration-s", "20", "--json"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.simulatedSeconds).toBe(20);
    for (const [name, unit] of Object.entries(REQUIRED)) {
      const s = json.signals[name];
      expect(s, name).toBeDefined();
      expect(s.unit, name).toBe(unit);
      for (const k of ["first", "last", "min", "max", "mean"])
        expect(Number.isFinite(s[k]), `${name}.${k}`).toBe(true);
    }
    // Beat-derived signals start at the designed resting state, not at 0, before the first beat closes.
    expect(json.signals["patient.hr"].min).toBeGreaterThan(50);
    expect(json.signals["patient.sbp"].min).toBeGreaterThan(90);
    // 20 s at rest with no bleeding: blood volume changes only by urine (under 1 mL/min at rest).
    expect(json.signals["patient.bloodVolume"].first - json.signals["patient.bloodVolume"].last).toBeLessThan(
      1,
    );
  });

  it("is deterministic: the same seed gives the same summary to the last bit", async () => {
    const args = ["simulate", "--patient", "neonate", "--duration-s", "10", "--seed", "7", "--json"];
    const a = await runCli(args);
    const b = await runCli(args);
    expect(a.stdout).toBe(b.stdout);
  });

  it("refuses a scenario action the engine does not know, naming it and listing the known types", async () => {
    const dir = mkdtempSync(join(tmpdir(), "perfuse-scn-"));
    const file = join(dir, "teleport.yaml");
    writeFileSync(
      file,
      "patient: adult-male\ndurationS: 30\nactions:\n  - { t: 5, type: patient.teleport }\n",
    );
    const r = await runCli(["simulate", "--scenario", file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/actions\[0\]\.type must be one of: drug\.bolus, .*bleeding\.set/);
    expect(r.stderr).toMatch(/\(got "patient\.teleport"\)/);
  });
});
