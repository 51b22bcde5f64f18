import { describe, expect, it } from "vitest";
import { calculators } from "../../src/calc/index.ts";
import { runBinary, runCli } from "./helpers.ts";

describe("perfuse calc", () => {
  it("prints one JSON object with value and unit (Mosteller 170 cm/70 kg = 1.818 m², ref vector 1)", async () => {
    const r = await runCli(["calc", "bsa", "--weight-kg", "70", "--height-cm", "170", "--json"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.value).toBeCloseTo(1.818, 3);
    expect(json.unit).toBe("m²");
    expect(r.stdout.trim().split("\n")).toHaveLength(1);
  });

  it("prints a readable line without --json", async () => {
    const r = await runCli(["calc", "bsa", "--weight-kg", "70", "--height-cm", "170", "--method", "dubois"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^bsa \[dubois\]: 1\.8097 m²/);
  });

  it("--help lists every calculator with its flags and source", async () => {
    const r = await runCli(["calc", "--help"]);
    expect(r.code).toBe(0);
    for (const c of calculators) {
      expect(r.stdout).toContain(`${c.name} — `);
      for (const p of c.params) expect(r.stdout).toContain(`--${p.flag}`);
    }
  });

  it.each([
    [["calc", "nosuch"], /calculator must be one of: .*bsa/],
    [["calc", "bsa", "--height-cm", "170"], /--weight-kg must be given: a number > 0 and ≤ 300 kg/],
    [["calc", "bsa", "--weight-kg", "abc", "--height-cm", "170"], /--weight-kg must be a number > 0/],
    [
      ["calc", "bsa", "--weight-kg", "0", "--height-cm", "170"],
      /--weight-kg must be a number > 0 and ≤ 300 kg \(got "0"\)/,
    ],
    [["calc", "bsa", "--weight-kg", "301", "--height-cm", "170"], /--weight-kg must be/],
    [
      ["calc", "bsa", "--weight-kg", "70", "--height-cm", "20"],
      /--height-cm must be a number ≥ 30 and ≤ 250 cm/,
    ],
    [
      ["calc", "bsa", "--weight-kg", "70", "--height-cm", "170", "--method", "x"],
      /--method must be one of: dubois/,
    ],
    [["calc", "bsa", "--weight-kg", "70", "--height-cm", "170", "--bogus", "1"], /unknown option '--bogus'/],
    [["calc", "bsa", "--weight-kg", "Infinity", "--height-cm", "170"], /--weight-kg must be/],
    [["nosuch"], /command must be one of/],
  ])("%j is refused with one clear line", async (args, message) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });

  it("the real binary exits non-zero with no stack trace on bad input, and 0 on good input", () => {
    const bad = runBinary(["calc", "bsa", "--weight-kg", "-3", "--height-cm", "170", "--json"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^perfuse: error: --weight-kg must be/);
    expect(bad.stderr).not.toMatch(/\bat .*\.ts:\d+/);
    const good = runBinary([
      "calc",
      "bsa",
      "--weight-kg",
      "3.5",
      "--height-cm",
      "50",
      "--method",
      "haycock",
      "--json",
    ]);
    expect(good.code).toBe(0);
    expect(JSON.parse(good.stdout).value).toBeCloseTo(0.2244, 4); // ref vector 8
  });
});
