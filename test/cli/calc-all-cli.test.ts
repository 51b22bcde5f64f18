import { describe, expect, it } from "vitest";
import { calculators } from "../../src/calc/index.ts";
import { runCli } from "./helpers.ts";

/**
 * Every calculator through the CLI: a valid --json run, and bad input (missing flag, non-number, out of range,
 * unknown method) refused with exit code 2 and one stderr line naming the flag. `drop` is the flag removed for
 * the missing-flag run; each sample is a reference case (vector number from ../shared/reference §11 where one fits).
 */
const SAMPLES: Record<string, { args: string[]; drop: string; expected?: number; digits?: number }> = {
  bsa: { args: ["--weight-kg", "70", "--height-cm", "170"], drop: "--weight-kg", expected: 1.818, digits: 3 }, // [1]
  "blood-volume": {
    args: ["--weight-kg", "5", "--method", "linderkamp-linear"],
    drop: "--weight-kg",
    expected: 414.5, // [14]
  },
  "cpb-flow": { args: ["--bsa-m2", "1.8", "--ci-l-min-m2", "2.4"], drop: "--bsa-m2", expected: 4.32 }, // [16]
  "o2-content": {
    args: ["--hb-g-dl", "15", "--so2", "1", "--po2-mmhg", "100"],
    drop: "--so2",
    expected: 20.4, // [21]
  },
  do2i: {
    args: ["--flow-l-min", "4.32", "--bsa-m2", "1.8", "--hb-g-dl", "8", "--so2", "1", "--po2-mmhg", "200"],
    drop: "--bsa-m2",
    expected: 271.7, // [29]
    digits: 1,
  },
  vo2: {
    // anaesthesiauk case [26]: venous PO2 6 kPa = 45.0 mmHg → 245 ± 1 mL/min (checked in src/calc/oxygen.test.ts)
    args: [
      ...["--flow-l-min", "5", "--hb-g-dl", "15", "--so2", "1", "--po2-mmhg", "0"],
      ...["--svo2", "0.75", "--pvo2-mmhg", "45.0"],
    ],
    drop: "--svo2",
  },

  o2er: {
    args: ["--cao2-ml-dl", "20.73", "--cvo2-ml-dl", "15.76"],
    drop: "--cvo2-ml-dl",
    expected: 0.24,
    digits: 2,
  }, // [28]
  odc: {
    args: ["--po2-mmhg", "40", "--method", "kelman", "--temp-c", "30"],
    drop: "--po2-mmhg",
    expected: 0.9058,
  }, // [44]
  "odc-inverse": { args: ["--so2", "0.5"], drop: "--so2", expected: 26.86, digits: 2 }, // [37]
  "ph-at-temp": { args: ["--ph", "7.4", "--temp-c", "28"], drop: "--ph", expected: 7.532, digits: 3 }, // [48]
  "pco2-at-temp": {
    args: ["--pco2-mmhg", "40", "--temp-c", "28"],
    drop: "--temp-c",
    expected: 26.98,
    digits: 2,
  }, // [51]
  "po2-at-temp": {
    args: ["--po2-mmhg", "100", "--temp-c", "28"],
    drop: "--po2-mmhg",
    expected: 58.45,
    digits: 1,
  }, // [47]
  "ph-stat-pco2": { args: ["--temp-c", "28"], drop: "--temp-c", expected: 59.3, digits: 1 }, // [55]
  q10: { args: ["--temp-c", "28", "--q10", "2"], drop: "--temp-c", expected: 0.536, digits: 3 }, // [84]
  "q10-from-rates": {
    args: ["--rate-1", "83.3", "--temp-1-c", "37", "--rate-2", "45.6", "--temp-2-c", "25.4"],
    drop: "--rate-2",
    expected: 1.68, // [87]
    digits: 2,
  },
  "dilution-hct": {
    args: ["--weight-kg", "70", "--hct", "0.4", "--ebv-ml-per-kg", "65", "--prime-ml", "1500"],
    drop: "--hct",
    expected: 0.3008, // [56]
  },
  "rbc-prime": {
    args: [
      ...["--weight-kg", "3.5", "--hct", "0.45", "--ebv-ml-per-kg", "85", "--prime-ml", "300"],
      ...["--target-hct", "0.3", "--donor-hct", "0.6"],
    ],
    drop: "--donor-hct",
    expected: 75.6, // [58]
    digits: 1,
  },
  "tubing-volume": {
    args: ["--id-in", "3/8", "--length-cm", "100"],
    drop: "--id-in",
    expected: 71.26,
    digits: 2,
  }, // [67]
  "roller-flow": { args: ["--stroke-volume-ml", "27", "--rpm", "100"], drop: "--rpm", expected: 2.7 }, // [71]
  heparin: { args: ["--weight-kg", "80"], drop: "--weight-kg", expected: 24000 }, // [60]
  "heparin-dose-response": {
    args: ["--act-baseline-s", "120", "--act-s", "420", "--dose-units-per-kg", "300"],
    drop: "--act-s",
    expected: 60, // [62]
  },
  protamine: {
    args: ["--heparin-units", "24000", "--mg-per-100u", "1.3"],
    drop: "--heparin-units",
    expected: 312,
  }, // [61]
  cardioplegia: { args: ["--method", "del-nido", "--dose-ml", "1000"], drop: "--dose-ml", expected: 1000 }, // [63]
  recirculation: {
    args: ["--sdo2", "0.8", "--svo2", "0.65", "--smo2", "1", "--flow-l-min", "4.5"],
    drop: "--smo2",
    expected: 0.4286, // [88]
  },
  "oxygenator-o2-transfer": {
    args: [
      ...["--flow-l-min", "5", "--hb-g-dl", "10", "--pre-so2", "0.7", "--pre-po2-mmhg", "38"],
      ...["--post-so2", "1", "--post-po2-mmhg", "250"],
    ],
    drop: "--post-so2",
    expected: 232.8, // [91]
    digits: 1,
  },
  "co2-removal": {
    args: ["--sweep-l-min", "4", "--exhaust-co2-fraction", "0.04"],
    drop: "--exhaust-co2-fraction",
    expected: 160, // [92]
  },
};

/** Replaces the value after `flag` in a copy of `args`. */
function withValue(args: string[], flag: string, value: string): string[] {
  const out = [...args];
  out[out.indexOf(flag) + 1] = value;
  return out;
}

async function expectRefused(args: string[], flag: string) {
  const r = await runCli(args);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
  const lines = r.stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^perfuse: error: /);
  expect(lines[0]).toContain(flag);
}

describe("perfuse calc: every calculator", () => {
  it("has a CLI sample here (a new calculator must be added to SAMPLES)", () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(calculators.map((c) => c.name).sort());
  });

  describe.each(calculators.map((c) => [c.name, c] as const))("%s", (name, spec) => {
    const sample = SAMPLES[name]!;

    it("--json prints one object with a numeric value and a string unit, no NaN/Infinity", async () => {
      const r = await runCli(["calc", name, ...sample.args, "--json"]);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      expect(r.stdout.trim().split("\n")).toHaveLength(1);
      expect(r.stdout).not.toMatch(/NaN|Infinity/);
      const json = JSON.parse(r.stdout);
      expect(typeof json.value).toBe("number");
      expect(Number.isFinite(json.value)).toBe(true);
      expect(typeof json.unit).toBe("string");
      expect(json.calculator).toBe(name);
      if (sample.expected !== undefined) expect(json.value).toBeCloseTo(sample.expected, sample.digits ?? 3);
    });

    it("prints a readable line without --json", async () => {
      const r = await runCli(["calc", name, ...sample.args]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^${name}( \\[[a-z0-9-]+\\])?: -?\\d`));
      expect(r.stdout).not.toMatch(/NaN|Infinity/);
    });

    it(`is refused without ${sample.drop}`, async () => {
      const i = sample.args.indexOf(sample.drop);
      expect(i).toBeGreaterThanOrEqual(0);
      const args = [...sample.args.slice(0, i), ...sample.args.slice(i + 2)];
      await expectRefused(["calc", name, ...args], sample.drop);
    });

    const numberFlags = spec.params.filter((p) => p.kind === "number" && sample.args.includes(`--${p.flag}`));
    it.each(numberFlags.map((p) => `--${p.flag}`))(
      "refuses a non-number and an out-of-range %s",
      async (flag) => {
        await expectRefused(["calc", name, ...withValue(sample.args, flag, "abc")], flag);
        await expectRefused(["calc", name, ...withValue(sample.args, flag, "1e9")], flag);
        await expectRefused(["calc", name, ...withValue(sample.args, flag, "-1e9")], flag);
      },
    );

    const method = spec.params.find((p) => p.flag === "method");
    if (method) {
      it("refuses an unknown --method", async () => {
        const args = sample.args.includes("--method")
          ? withValue(sample.args, "--method", "bogus")
          : [...sample.args, "--method", "bogus"];
        await expectRefused(["calc", name, ...args], "--method");
      });
    }

    it("--help shows its flags and source", async () => {
      const r = await runCli(["calc", name, "--help"]);
      expect(r.code).toBe(0);
      for (const p of spec.params) expect(r.stdout).toContain(`--${p.flag}`);
      expect(r.stdout).toContain("source:");
    });
  });

  it.each([
    // consistency and division guards reach the user as one line naming the flag
    [["recirculation", "--sdo2", "0.8", "--svo2", "0.65", "--smo2", "0.65"], "--smo2"],
    [["rbc-prime", ...SAMPLES["rbc-prime"]!.args.slice(0, 10), "--donor-hct", "0.25"], "--donor-hct"],
    [
      ["heparin-dose-response", "--act-baseline-s", "120", "--act-s", "120", "--dose-units-per-kg", "300"],
      "--act-s",
    ],
    [
      ["q10-from-rates", "--rate-1", "1", "--temp-1-c", "30", "--rate-2", "2", "--temp-2-c", "30"],
      "--temp-2-c",
    ],
    [["tubing-volume", "--id-in", "abc", "--length-cm", "100"], "--id-in"],
    [["roller-flow", "--id-in", "5/16", "--rpm", "100"], "--id-in"],
    [["odc", "--po2-mmhg", "40", "--temp-c", "30"], "--temp-c"],
    [["blood-volume", "--weight-kg", "20", "--method", "linderkamp", "--height-cm", "115"], "--age-years"],
    [["cardioplegia", "--method", "blood-4-1", "--weight-kg", "70"], "--ml-per-kg"],
    [["o2er", "--hb-g-dl", "15"], "--so2"],
  ])("%j is refused naming %s", async (args, flag) => {
    await expectRefused(["calc", ...args], flag);
  });

  it("cardioplegia by weight says the del Nido dose rule is unverified [U]", async () => {
    const r = await runCli(["calc", "cardioplegia", "--weight-kg", "25", "--json"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.value).toBe(500); // [64] computed if the [U] rule holds; not an oracle
    expect(json.source).toMatch(/UNVERIFIED \[U\]/);
    expect(json.extra.bloodMl).toEqual({ value: 100, unit: "mL" });
  });
});
