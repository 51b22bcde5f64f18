/**
 * Responses that need the blood, exchange and drug functions (temporary versions in bloodTemp.ts
 * until the `blood` branch lands).
 */
import { describe, expect, it } from "vitest";
import { VO2_Q10 } from "../../src/sim/patient/chemistry.ts";
import { meanOver, read, sim } from "./helpers.ts";

describe("drugs", () => {
  it("phenylephrine raises MAP and SVR (bolus 200 µg; infusion 0.5 µg/kg/min), against the baroreflex", () => {
    const s = sim("adult-male");
    s.advance(30);
    const map0 = meanOver(s, "patient.map", 5);
    const svr0 = meanOver(s, "patient.svr", 5);
    s.schedule({ t: s.timeS, type: "drug.bolus", drug: "phenylephrine", amount: 200 });
    s.advance(90);
    expect(meanOver(s, "patient.map", 5)).toBeGreaterThan(map0 * 1.03);
    expect(meanOver(s, "patient.svr", 5)).toBeGreaterThan(svr0 * 1.05);
    const t = sim("adult-male");
    t.advance(30);
    t.schedule({ t: t.timeS, type: "drug.infusion", drug: "phenylephrine", ratePerMin: 40 });
    // Near steady state (elimination t½ 7.5 min and ke0 t½ 1 min in the drug table).
    t.advance(1200);
    expect(meanOver(t, "patient.map", 5)).toBeGreaterThan(map0 * 1.08);
    expect(meanOver(t, "patient.svr", 5)).toBeGreaterThan(svr0 * 1.2);
    expect(meanOver(t, "patient.hr", 5)).toBeLessThan(meanOver(s, "patient.hr", 5) + 1); // reflex slowing
  });

  it("heparin 300 U/kg → ACT > 400 s; protamine 1 mg/100 U → ACT back near baseline", () => {
    // Dose 300 U/kg and target ACT > 400 s: reference-data §6.1 (Haas 2016; Bull 1975 curve).
    const s = sim("adult-male");
    s.advance(10);
    const act0 = read(s, "patient.act");
    expect(act0).toBeLessThan(140); // off heparin 100–140 s (alpfmedical, §6.1)
    s.schedule({ t: s.timeS, type: "drug.bolus", drug: "heparin", amount: 300 * 80 });
    s.advance(180);
    expect(read(s, "patient.act")).toBeGreaterThan(400);
    // Protamine 1 mg per 100 U (§6.2).
    s.schedule({ t: s.timeS, type: "drug.bolus", drug: "protamine", amount: 240 });
    s.advance(180);
    expect(read(s, "patient.act")).toBeLessThan(act0 * 1.2);
  });
});

describe("gas exchange", () => {
  it("FiO2 1.0 → PaO2 > 400 mmHg", () => {
    const s = sim("adult-male");
    s.advance(10);
    s.schedule({ t: s.timeS, type: "ventilator.set", mode: "controlled", fio2: 1 });
    s.advance(300);
    expect(read(s, "patient.pao2")).toBeGreaterThan(400);
    expect(read(s, "patient.sao2")).toBeGreaterThan(0.99);
  });

  it("apnoea: PaCO2 rises, PaO2 and SaO2 fall", () => {
    const s = sim("adult-male");
    s.advance(10);
    const co2 = read(s, "patient.paco2");
    s.schedule({ t: s.timeS, type: "ventilator.set", mode: "off" });
    s.advance(120);
    expect(read(s, "patient.paco2")).toBeGreaterThan(co2 + 8);
    expect(read(s, "patient.pao2")).toBeLessThan(60);
  });

  it("a 30 % shunt lowers PaO2", () => {
    const s = sim("adult-male");
    s.advance(10);
    const po2 = read(s, "patient.pao2");
    s.schedule({ t: s.timeS, type: "patient.set", shuntFraction: 0.3 });
    s.advance(120);
    expect(read(s, "patient.pao2")).toBeLessThan(po2 - 20);
  });
});

describe("temperature and metabolism", () => {
  it("cooling to 32 °C lowers VO2 by the Q10 rule", () => {
    // VO2(T) = VO2(37)·Q10^((T − 37)/10) (reference-data §8); Q10 = 2.3 → factor 0.659 at 32 °C.
    const s = sim("adult-male");
    s.advance(60);
    const vo2 = read(s, "patient.vo2");
    s.schedule({ t: s.timeS, type: "patient.setTemperature", tempC: 32 });
    s.advance(120);
    expect(read(s, "patient.tempCore")).toBeCloseTo(32, 0);
    const expected = VO2_Q10 ** ((read(s, "patient.tempCore") - 37) / 10);
    expect(read(s, "patient.vo2") / vo2).toBeCloseTo(expected, 1);
    expect(read(s, "patient.vo2") / vo2).toBeLessThan(0.72);
  });

  it("a cold blanket cools the patient; core temperature is stable without it", () => {
    const s = sim("child");
    s.advance(600);
    expect(read(s, "patient.tempCore")).toBeCloseTo(37, 1);
    s.schedule({ t: s.timeS, type: "thermal.setBlanket", waterTempC: 10 });
    s.advance(1800);
    expect(read(s, "patient.tempCore")).toBeLessThan(36.5);
  });

  it("packed red cells raise Hb; crystalloid dilutes it", () => {
    const a = sim("child");
    a.advance(5);
    const hb0 = read(a, "patient.hb");
    a.schedule({ t: a.timeS, type: "fluid.give", fluid: "packedRedCells", volumeMl: 150, overSeconds: 60 });
    a.advance(120);
    expect(read(a, "patient.hb")).toBeGreaterThan(hb0 + 0.5);
    const b = sim("child");
    b.advance(5);
    b.schedule({ t: b.timeS, type: "fluid.give", fluid: "crystalloid", volumeMl: 300, overSeconds: 60 });
    b.advance(120);
    expect(read(b, "patient.hb")).toBeLessThan(hb0 - 1);
  });

  it("severe haemorrhage without treatment produces lactate", () => {
    const s = sim("adult-male");
    // 2 L (36 % of blood volume) over 4 minutes: class III–IV shock.
    s.schedule({ t: 5, type: "bleeding.set", rateMlPerMin: 500 });
    s.schedule({ t: 245, type: "bleeding.set", rateMlPerMin: 0 });
    s.advance(600);
    expect(read(s, "patient.lactate")).toBeGreaterThan(2);
  });
});
