import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { problemsOf } from "../common/test-helpers.ts";
import { loadDefaultCatalogue, loadPlannerData } from "../io/catalogue-files.ts";
import { closeNames } from "./catalogue.ts";

function tmpFile(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), "perfuse-plan-"));
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

const problems = problemsOf;

describe("device catalogue", () => {
  const c = loadDefaultCatalogue();

  it("has oxygenators from neonatal to adult from at least three manufacturers", () => {
    const makers = new Set(c.oxygenators.map((o) => o.manufacturer.split(" ")[0]));
    expect(makers.size).toBeGreaterThanOrEqual(3);
    expect(Math.min(...c.oxygenators.map((o) => o.maxFlowLPerMin.value))).toBeLessThanOrEqual(1.5);
    expect(Math.max(...c.oxygenators.map((o) => o.maxFlowLPerMin.value))).toBeGreaterThanOrEqual(7);
  });

  it("stores the FDA 510(k) rated maxima of reference §7.1 (vectors 72–77)", () => {
    const max = (id: string) => c.oxygenators.find((o) => o.id === id)?.maxFlowLPerMin;
    expect(max("terumo-capiox-fx25")).toMatchObject({ value: 7.0, evidence: "S" }); // K130520
    expect(max("terumo-capiox-fx15-30")).toMatchObject({ value: 4.0, evidence: "S" }); // K130520
    expect(max("terumo-capiox-fx05")).toMatchObject({ value: 1.5, evidence: "S" }); // K130280
    expect(max("livanova-inspire-8")).toMatchObject({ value: 8.0, evidence: "S" }); // K121229
    const ped = c.oxygenators.find((o) => o.id === "maquet-quadrox-id-pediatric");
    expect([ped?.minFlowLPerMin.value, ped?.maxFlowLPerMin.value]).toEqual([0.2, 2.8]); // K100278
  });

  it("never tags a value S without naming a source", () => {
    for (const o of c.oxygenators) {
      for (const s of [o.minFlowLPerMin, o.maxFlowLPerMin, o.primeMl])
        expect(s.source.length).toBeGreaterThan(5);
    }
  });

  it("has cannula pressure–flow points from reference §7.5 (vectors 78, 79)", () => {
    const eopa20 = c.cannulae.find((k) => k.id === "medtronic-eopa-20");
    expect(eopa20?.pressureFlow?.points).toContainEqual([5, 76]);
    expect(c.cannulae.find((k) => k.id === "medtronic-eopa-24")?.pressureFlow?.points).toContainEqual([
      5, 26,
    ]);
  });

  it("has every device family", () => {
    for (const list of [c.cannulae, c.tubing, c.rollerBoots.boots, c.centrifugalPumps, c.reservoirs]) {
      expect(list.length).toBeGreaterThan(0);
    }
    for (const list of [c.arterialFilters, c.haemoconcentrators, c.cardioplegiaSets, c.ecmoPacks]) {
      expect(list.length).toBeGreaterThan(0);
    }
  });
});

describe("institution files", () => {
  it("merge a protocol over the defaults without code changes", () => {
    const file = tmpFile(
      "local.yaml",
      "name: St Elsewhere\nhctTarget: { value: 0.28, evidence: U, source: local }\n",
    );
    const { protocol } = loadPlannerData({ protocolFile: file });
    expect(protocol.name).toBe("St Elsewhere");
    expect(protocol.hctTarget.value).toBe(0.28);
    expect(protocol.heparin.cpbUnitsPerKg.value).toBe(300); // untouched default
  });

  it("add devices from their own catalogue directory", () => {
    const file = tmpFile(
      "oxygenators.yaml",
      [
        "family: oxygenators",
        "devices:",
        "  - id: local-oxy-9",
        "    model: Local 9",
        "    manufacturer: Local",
        "    uses: [cpb]",
        "    minFlowLPerMin: { value: 1, evidence: U, source: local }",
        "    maxFlowLPerMin: { value: 9, evidence: U, source: local }",
        "    primeMl: { value: 300, evidence: U, source: local }",
        "    heatExchanger: { integrated: true }",
        "    integratedArterialFilter: true",
      ].join("\n"),
    );
    const { catalogue } = loadPlannerData({ catalogueDir: join(file, "..") });
    expect(catalogue.oxygenators.some((o) => o.id === "local-oxy-9")).toBe(true);
    expect(catalogue.oxygenators.length).toBeGreaterThan(10);
  });

  it("refuses a protocol naming an unknown device, listing close names", () => {
    const file = tmpFile("p.yaml", "preferredDevices: { oxygenators: [terumo-capiox-fx26] }\n");
    const p = problems(() => loadPlannerData({ protocolFile: file }));
    expect(p[0]?.field).toBe("preferredDevices.oxygenators[0]");
    expect(p[0]?.allowed).toMatch(/terumo-capiox-fx25/);
    expect(p[0]?.received).toBe('"terumo-capiox-fx26"');
  });

  it("refuses a malformed protocol naming the field", () => {
    const file = tmpFile("bad.yaml", "hctTarget: { value: 0.28 }\n");
    const p = problems(() => loadPlannerData({ protocolFile: file }));
    expect(p.some((q) => q.field.includes("hctTarget"))).toBe(true);
  });

  it("refuses a device file that is not a known family", () => {
    const file = tmpFile("pumps.yaml", "family: pumps\n");
    expect(problems(() => loadPlannerData({ catalogueDir: join(file, "..") }))[0]?.allowed).toMatch(
      /device family/,
    );
  });

  it("refuses a missing protocol file", () => {
    expect(problems(() => loadPlannerData({ protocolFile: "/nonexistent/p.yaml" }))[0]?.received).toBe(
      "/nonexistent/p.yaml",
    );
  });

  it("suggests close names", () => {
    expect(closeNames("fx26", ["terumo-capiox-fx25", "livanova-inspire-8"])[0]).toBe("terumo-capiox-fx25");
  });
});
