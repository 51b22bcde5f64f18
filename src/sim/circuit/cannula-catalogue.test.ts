/**
 * One source for cannula pressure–flow data: the device catalogue (catalogue/cannulae.yaml). The engine's table
 * (cannula-data.ts) must carry every single-lumen catalogue cannula under the same id with the same points and
 * fluid; anything else in the table must say why it is not a catalogue device. This test fails when they diverge.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { CANNULA_DATA, NOT_IN_CATALOGUE } from "./cannula-data.ts";

interface CatalogueCannula {
  id: string;
  kind: string;
  fr: number;
  pressureFlow?: { points: [number, number][]; fluid: string; kind?: string };
}
const file = join(import.meta.dirname, "..", "..", "..", "catalogue", "cannulae.yaml");
const devices = (parse(readFileSync(file, "utf8"), { merge: true }) as { devices: CatalogueCannula[] })
  .devices;
/** Dual-lumen (VV ECMO) cannulae have two curves; the CPB engine has no VV configuration yet. */
const singleLumen = devices.filter((d) => d.kind !== "ecmo-dual-lumen" && d.pressureFlow);

describe("cannula data = catalogue", () => {
  it(`every single-lumen catalogue cannula (${singleLumen.length}) is in CANNULA_DATA with the same points, fluid, size`, () => {
    for (const d of singleLumen) {
      const e = CANNULA_DATA[d.id];
      expect(e, d.id).toBeDefined();
      expect(e!.points, d.id).toEqual(d.pressureFlow!.points);
      expect(e!.fluid, d.id).toBe(d.pressureFlow!.fluid);
      expect(e!.fr, d.id).toBe(d.fr);
      expect(e!.upperBound ?? false, d.id).toBe(d.pressureFlow!.kind === "upper-bound");
    }
  });
  it("every CANNULA_DATA id is a catalogue id or listed in NOT_IN_CATALOGUE with a reason", () => {
    const ids = new Set(devices.map((d) => d.id));
    for (const id of Object.keys(CANNULA_DATA)) {
      if (!ids.has(id)) expect(NOT_IN_CATALOGUE[id], id).toBeTruthy();
      else expect(NOT_IN_CATALOGUE[id], id).toBeUndefined();
    }
  });
});
