/**
 * Presets settle and rest inside normal ranges; the patient responds in the right direction.
 * Ranges and their sources: ../shared/reference/physiology-and-engines.md §5.1 (adult, from Pulse's
 * validation table) and §5.3 (term neonate: Explain's probe ranges; CO from Doppler normals).
 */
import { describe, expect, it } from "vitest";
import { PATIENT_PRESETS } from "../../src/sim/index.ts";
import { meanOver, read, sim } from "./helpers.ts";

/** Settled: over the last 10 s before t = 60 s, beat-to-beat MAP changes < 1 % and MAP drifts < 1 %. */
function settle(preset: string) {
  const s = sim(preset);
  s.advance(50);
  const iMap = s.signalIndex("patient.map");
  const maps: number[] = [];
  let last = Number.NaN;
  for (let k = 0; k < 1000; k++) {
    s.advance(0.01);
    const v = s.read(iMap);
    if (v !== last) maps.push(v);
    last = v;
  }
  return { s, maps };
}

describe("every preset settles within 60 s", () => {
  for (const preset of PATIENT_PRESETS) {
    it(preset, () => {
      const { maps } = settle(preset);
      expect(maps.length).toBeGreaterThan(5);
      for (let k = 1; k < maps.length; k++) {
        expect(Math.abs(maps[k]! - maps[k - 1]!) / maps[k - 1]!).toBeLessThan(0.01);
      }
      expect(Math.abs(maps[maps.length - 1]! - maps[0]!) / maps[0]!).toBeLessThan(0.01);
    });
  }
});

describe("resting values in normal ranges", () => {
  it("adult-male (Pulse validation table, §5.1)", () => {
    const { s } = settle("adult-male");
    expect(read(s, "patient.hr")).toBeGreaterThanOrEqual(60); // 60–100 /min, MayoClinic2022
    expect(read(s, "patient.hr")).toBeLessThanOrEqual(100);
    expect(read(s, "patient.sbp")).toBeGreaterThanOrEqual(100); // SBP 100–140, Leeuwen 2015 p93
    expect(read(s, "patient.sbp")).toBeLessThanOrEqual(140);
    expect(read(s, "patient.dbp")).toBeGreaterThanOrEqual(60); // DBP 60–90, Leeuwen 2015 p93
    expect(read(s, "patient.dbp")).toBeLessThanOrEqual(90);
    expect(read(s, "patient.map")).toBeGreaterThanOrEqual(70); // MAP 70–105, Leeuwen 2015 p93
    expect(read(s, "patient.map")).toBeLessThanOrEqual(105);
    expect(read(s, "patient.co")).toBeGreaterThanOrEqual(4.5); // CO ≈ 5.6 L/min, Guyton 2006 p232
    expect(read(s, "patient.co")).toBeLessThanOrEqual(6.5);
    expect(read(s, "patient.sv")).toBeGreaterThanOrEqual(55.3); // SV 55.3–93.1 mL, Brandfonbrener 1955
    expect(read(s, "patient.sv")).toBeLessThanOrEqual(93.1);
    expect(read(s, "patient.cvp")).toBeGreaterThanOrEqual(2); // CVP 2–6, Leeuwen 2015 p93
    expect(read(s, "patient.cvp")).toBeLessThanOrEqual(6);
    expect(read(s, "patient.papMean")).toBeGreaterThanOrEqual(9); // mean PAP 9–18, Leeuwen p93
    expect(read(s, "patient.papMean")).toBeLessThanOrEqual(18);
    expect(read(s, "patient.lap")).toBeGreaterThanOrEqual(4); // PCWP 4–12, Leeuwen p93
    expect(read(s, "patient.lap")).toBeLessThanOrEqual(12);
  });

  it("adult-female (same table)", () => {
    const { s } = settle("adult-female");
    const v = (n: string) => read(s, n);
    expect(v("patient.hr")).toBeGreaterThanOrEqual(60);
    expect(v("patient.hr")).toBeLessThanOrEqual(100);
    expect(v("patient.map")).toBeGreaterThanOrEqual(70);
    expect(v("patient.map")).toBeLessThanOrEqual(105);
    expect(v("patient.sbp")).toBeGreaterThanOrEqual(100);
    expect(v("patient.dbp")).toBeGreaterThanOrEqual(60);
    expect(v("patient.sv")).toBeGreaterThanOrEqual(55.3);
    expect(v("patient.cvp")).toBeLessThanOrEqual(6);
    expect(v("patient.lap")).toBeLessThanOrEqual(12);
    // CO 4–8 L/min (rnceus clinical reference card, §5.1)
    expect(v("patient.co")).toBeGreaterThanOrEqual(4);
    expect(v("patient.co")).toBeLessThanOrEqual(8);
  });

  it("neonate (Explain term-neonate probe ranges; Doppler CO 200–325 mL/kg/min, §5.3)", () => {
    const { s } = settle("neonate");
    const v = (n: string) => read(s, n);
    expect(v("patient.hr")).toBeGreaterThanOrEqual(100);
    expect(v("patient.hr")).toBeLessThanOrEqual(160);
    expect(v("patient.sbp")).toBeGreaterThanOrEqual(55);
    expect(v("patient.sbp")).toBeLessThanOrEqual(90);
    expect(v("patient.dbp")).toBeGreaterThanOrEqual(30);
    expect(v("patient.dbp")).toBeLessThanOrEqual(55);
    expect(v("patient.map")).toBeGreaterThanOrEqual(40);
    expect(v("patient.map")).toBeLessThanOrEqual(60);
    expect(v("patient.papMean")).toBeGreaterThanOrEqual(12);
    expect(v("patient.papMean")).toBeLessThanOrEqual(30);
    expect(v("patient.cvp")).toBeGreaterThanOrEqual(2);
    expect(v("patient.cvp")).toBeLessThanOrEqual(8);
    const coPerKg = (v("patient.co") * 1000) / 3.5;
    expect(coPerKg).toBeGreaterThanOrEqual(200);
    expect(coPerKg).toBeLessThanOrEqual(325);
    // Blood gases: SpO2 93–100 %, PaCO2 35–45, pH 7.30–7.42 (Explain probe ranges, §5.3)
    expect(v("patient.sao2")).toBeGreaterThanOrEqual(0.93);
    expect(v("patient.paco2")).toBeGreaterThanOrEqual(35);
    expect(v("patient.paco2")).toBeLessThanOrEqual(45);
    expect(v("patient.ph")).toBeGreaterThanOrEqual(7.3);
    expect(v("patient.ph")).toBeLessThanOrEqual(7.42);
  });

  it("infant and child: HR and BP inside the Nelson vital-sign table (6–12 months; 3–12 years)", () => {
    const inf = settle("infant").s;
    expect(read(inf, "patient.hr")).toBeGreaterThanOrEqual(80); // 80–120
    expect(read(inf, "patient.hr")).toBeLessThanOrEqual(120);
    expect(read(inf, "patient.sbp")).toBeGreaterThanOrEqual(80); // 80–100 / 55–65
    expect(read(inf, "patient.sbp")).toBeLessThanOrEqual(100);
    expect(read(inf, "patient.dbp")).toBeGreaterThanOrEqual(50);
    expect(read(inf, "patient.dbp")).toBeLessThanOrEqual(65);
    const ch = settle("child").s;
    expect(read(ch, "patient.hr")).toBeGreaterThanOrEqual(60); // 60–110
    expect(read(ch, "patient.hr")).toBeLessThanOrEqual(110);
    expect(read(ch, "patient.sbp")).toBeGreaterThanOrEqual(95); // 95–120 / 60–75
    expect(read(ch, "patient.sbp")).toBeLessThanOrEqual(120);
    expect(read(ch, "patient.dbp")).toBeGreaterThanOrEqual(60);
    expect(read(ch, "patient.dbp")).toBeLessThanOrEqual(75);
  });

  it("adult gas exchange at rest: PaO2 80–100, PaCO2 35–45, SaO2 ≥ 0.95, VO2 ≈ 250 mL/min (§5.2)", () => {
    const s = sim("adult-male");
    s.advance(120);
    expect(read(s, "patient.pao2")).toBeGreaterThanOrEqual(80);
    expect(read(s, "patient.pao2")).toBeLessThanOrEqual(100);
    expect(read(s, "patient.paco2")).toBeGreaterThanOrEqual(35);
    expect(read(s, "patient.paco2")).toBeLessThanOrEqual(45);
    expect(read(s, "patient.sao2")).toBeGreaterThanOrEqual(0.95);
    expect(read(s, "patient.svo2")).toBeGreaterThanOrEqual(0.65);
    expect(read(s, "patient.svo2")).toBeLessThanOrEqual(0.8);
    expect(read(s, "patient.vo2")).toBeCloseTo(256, -1); // 3.2 mL/kg/min × 80 kg (Guyton 250 mL/min)
    expect(read(s, "patient.vco2") / read(s, "patient.vo2")).toBeCloseTo(0.8, 1);
    expect(read(s, "patient.tempCore")).toBeCloseTo(37, 1);
  });
});

describe("responses", () => {
  it("20 % haemorrhage: HR up, MAP down (baroreflex)", () => {
    const s = sim("adult-male");
    s.advance(30);
    const hr0 = meanOver(s, "patient.hr", 5);
    const map0 = meanOver(s, "patient.map", 5);
    const bv0 = read(s, "patient.bloodVolume");
    // 20 % of 5600 mL over 5 minutes.
    s.schedule({ t: s.timeS, type: "bleeding.set", rateMlPerMin: (0.2 * bv0) / 5 });
    s.schedule({ t: s.timeS + 300, type: "bleeding.set", rateMlPerMin: 0 });
    s.advance(330);
    expect(read(s, "patient.bloodVolume")).toBeLessThan(0.82 * bv0);
    const hr1 = meanOver(s, "patient.hr", 5);
    const map1 = meanOver(s, "patient.map", 5);
    expect(hr1).toBeGreaterThan(hr0 * 1.1);
    expect(map1).toBeLessThan(map0 * 0.95);
  });

  it("without the baroreflex the same bleed drops MAP further and HR stays", () => {
    const run = (baroreflex: boolean) => {
      const s = sim("adult-male");
      s.schedule({ t: 0, type: "patient.set", baroreflex });
      s.schedule({ t: 10, type: "bleeding.set", rateMlPerMin: 224 });
      s.schedule({ t: 310, type: "bleeding.set", rateMlPerMin: 0 });
      s.advance(340);
      return { map: meanOver(s, "patient.map", 5), hr: meanOver(s, "patient.hr", 5) };
    };
    const on = run(true);
    const off = run(false);
    expect(off.map).toBeLessThan(on.map);
    expect(off.hr).toBeLessThan(on.hr);
  });

  it("fluid after haemorrhage restores MAP toward baseline", () => {
    const s = sim("child");
    s.advance(20);
    const map0 = meanOver(s, "patient.map", 5);
    s.schedule({ t: s.timeS, type: "bleeding.set", rateMlPerMin: 60 });
    s.schedule({ t: s.timeS + 300, type: "bleeding.set", rateMlPerMin: 0 });
    s.advance(300);
    const mapBled = meanOver(s, "patient.map", 5);
    s.schedule({ t: s.timeS, type: "fluid.give", fluid: "packedRedCells", volumeMl: 300, overSeconds: 120 });
    s.advance(180);
    const mapAfter = meanOver(s, "patient.map", 5);
    expect(mapBled).toBeLessThan(map0);
    expect(mapAfter).toBeGreaterThan(mapBled);
    expect(Math.abs(mapAfter - map0)).toBeLessThan(Math.abs(mapBled - map0));
  });

  it("asystole stops the output; VF ejects nothing useful; defibrillation restores sinus rhythm", () => {
    const s = sim("adult-male", 3);
    s.advance(20);
    s.schedule({ t: 20, type: "heart.setRhythm", rhythm: "vf" });
    s.advance(15);
    // No effective ejection: what remains is passive flow through the flaccid heart (< 15 % of normal).
    expect(read(s, "patient.co")).toBeLessThan(0.8);
    expect(read(s, "patient.map")).toBeLessThan(40);
    expect(read(s, "patient.hr")).toBe(0);
    s.schedule({ t: s.timeS, type: "heart.defibrillate" });
    s.schedule({ t: s.timeS + 1, type: "heart.defibrillate" });
    s.schedule({ t: s.timeS + 2, type: "heart.defibrillate" });
    s.advance(30);
    expect(read(s, "patient.hr")).toBeGreaterThan(50);
    expect(read(s, "patient.map")).toBeGreaterThan(60);
    s.schedule({ t: s.timeS, type: "heart.setRhythm", rhythm: "asystole" });
    s.advance(10);
    // Only passive trickle through the flaccid heart as pressures equalise toward mean filling pressure.
    expect(read(s, "patient.co")).toBeLessThan(0.2);
    expect(read(s, "patient.hr")).toBe(0);
    expect(read(s, "patient.map")).toBeLessThan(25);
  });
});
