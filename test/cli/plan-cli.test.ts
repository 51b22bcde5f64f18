import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./helpers.ts";

const adult = ["plan", "--weight-kg", "80", "--height-cm", "180", "--age-years", "60", "--procedure", "cpb"];

describe("perfuse plan", () => {
  it("--json prints exactly one JSON object with the documented top-level fields", async () => {
    const r = await runCli([...adult, "--hct", "0.4", "--lowest-temp-c", "32", "--json"]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split("\n")).toHaveLength(1);
    const p = JSON.parse(r.stdout);
    for (const k of [
      "bsaM2",
      "bloodVolumeMl",
      "targetFlowLPerMin",
      "maxFlowLPerMin",
      "primeVolumeMl",
      "predictedHct",
      "rbcToAddMl",
      "heparinUnits",
      "do2iAtTarget",
    ]) {
      expect(typeof p[k], k).toBe("number");
    }
    expect(Object.keys(p.oxygenator)).toEqual(
      expect.arrayContaining(["model", "manufacturer", "minFlowLPerMin", "maxFlowLPerMin", "primeMl"]),
    );
    for (const line of ["arterial", "venous"]) {
      expect(["3/16", "1/4", "3/8", "1/2"]).toContain(p.tubing[line].sizeIn);
      expect(p.tubing[line].lengthCm).toBeGreaterThan(0);
      expect(p.tubing[line].volumeMl).toBeGreaterThan(0);
    }
    for (const c of p.cannulae) {
      expect(c).toHaveProperty("fr");
      expect(c).toHaveProperty("model");
    }
    for (const w of p.warnings) expect(Object.keys(w)).toEqual(expect.arrayContaining(["code", "message"]));
    expect(p.bsaM2).toBeCloseTo(2.0, 3);
    expect(p.targetFlowLPerMin).toBeCloseTo(4.0, 3); // 2.0 m² × CI 2.0 at 32 °C
    expect(p.predictedHct).toBeGreaterThan(0);
    expect(p.predictedHct).toBeLessThan(1); // a fraction
  });

  it("--surgery mitral cannulates both cavae; --venous-cannulation single overrides; bad values are refused", async () => {
    const bicaval = JSON.parse((await runCli([...adult, "--surgery", "mitral", "--json"])).stdout);
    expect(bicaval.venousCannulation).toBe("bicaval");
    const venous = (p: { cannulae: { site?: string }[] }) => p.cannulae.filter((c) => c.site !== undefined);
    expect(venous(bicaval).map((c) => c.site)).toEqual(["svc", "ivc"]);
    const single = JSON.parse(
      (await runCli([...adult, "--surgery", "mitral", "--venous-cannulation", "single", "--json"])).stdout,
    );
    expect(single.venousCannulation).toBe("single");
    expect(venous(single)).toHaveLength(0);
    const bad = await runCli([...adult, "--surgery", "heart"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--surgery must be one of: standard, open-right-heart, mitral/);
    const bad2 = await runCli([...adult, "--venous-cannulation", "two"]);
    expect(bad2.code).toBe(2);
    expect(bad2.stderr).toMatch(/--venous-cannulation must be one of: auto, single, bicaval/);
  });

  it("prints a readable table without --json", async () => {
    const r = await runCli([...adult, "--hct", "0.4"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/oxygenator/);
    expect(r.stdout).toMatch(/heparin\s+24000 U/);
    expect(r.stdout).toMatch(/not a medical device/);
  });

  it("--explain shows a number's formula, inputs and source", async () => {
    const r = await runCli([...adult, "--hct", "0.4", "--explain", "bsaM2"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/bsaM2 = 2 m²/);
    expect(r.stdout).toMatch(/formula: +BSA = √\(H · W \/ 3600\)/);
    expect(r.stdout).toMatch(/source: +Mosteller/);
  });

  it.each([
    [["plan", "--height-cm", "180", "--age-years", "60", "--procedure", "cpb"], /--weight-kg must be given/],
    [[...adult.slice(0, 2), "300", ...adult.slice(3)], /--weight-kg must be a number ≥ 2.5 and ≤ 140 kg/],
    [
      ["plan", "--weight-kg", "80", "--height-cm", "180", "--age-years", "60", "--procedure", "ecmo"],
      /--procedure must be one of: cpb, va-ecmo, vv-ecmo/,
    ],
    [[...adult, "--hct", "abc"], /--hct must be a number/],
    [[...adult, "--protocol", "/nonexistent.yaml"], /must be an existing YAML or JSON file/],
    [[...adult, "--explain", "nosuch"], /--explain must be one of: bsaM2/],
    [[...adult, "--sheet", "/nonexistent-folder/plan.pdf"], /--sheet must be a path in a writable folder/],
  ])("%j is refused with one clear line", async (args, message) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });

  it("refuses a protocol file naming an unknown device, with close names", async () => {
    const dir = mkdtempSync(join(tmpdir(), "perfuse-cli-"));
    const file = join(dir, "p.yaml");
    writeFileSync(file, "preferredDevices:\n  oxygenators: [capiox-fx-25]\n");
    const r = await runCli([...adult, "--protocol", file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /preferredDevices\.oxygenators\[0\] must be a device id .*closest: .*terumo-capiox-fx25/,
    );
  });

  it("refuses when no oxygenator covers the flow, saying what to change", async () => {
    const dir = mkdtempSync(join(tmpdir(), "perfuse-cli-"));
    const file = join(dir, "p.yaml");
    writeFileSync(file, "preferredDevices:\n  oxygenators: [terumo-capiox-fx15-30]\n");
    const r = await runCli([...adult, "--protocol", file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /no CPB oxygenator in the protocol's preferred list is rated for .*Change: add a larger oxygenator/,
    );
  });

  it("--sheet writes a real PDF that renders and carries the patient's numbers", async () => {
    const dir = mkdtempSync(join(tmpdir(), "perfuse-sheet-"));
    const pdf = join(dir, "plan.pdf");
    const r = await runCli([...adult, "--hct", "0.4", "--sheet", pdf, "--json"]);
    expect(r.code).toBe(0);
    const p = JSON.parse(r.stdout);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
    const png = spawnSync("pdftoppm", ["-r", "40", "-png", "-f", "1", "-l", "1", pdf, join(dir, "page")]);
    expect(png.status, String(png.stderr)).toBe(0);
    expect(existsSync(join(dir, "page-1.png")) || existsSync(join(dir, "page-01.png"))).toBe(true);
    const text = spawnSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
    expect(text.status).toBe(0);
    const t = text.stdout;
    expect(t).toMatch(/80 kg \/ 180 cm \/ 60 years/);
    expect(t).toContain(`${p.targetFlowLPerMin.toFixed(2)} L/min`);
    expect(t).toContain(`${p.oxygenator.model}`);
    expect(t).toContain("24,000 U");
    expect(t).toMatch(/not a medical device/);
    expect(t).toMatch(/Circuit diagram/);
  });
});
