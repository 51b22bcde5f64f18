import { describe, expect, it } from "vitest";
import { ACT_HANDLING_S } from "../../src/console/labs.ts";
import { SessionCore, WAVE_CHANNELS, WAVE_DT_S } from "../../src/console/session.ts";
import { patientFromPreset } from "../../src/sim/index.ts";

const adult = () =>
  new SessionCore({
    patient: patientFromPreset("adult-male"),
    seed: 1,
    actions: [
      { t: 20, type: "bleeding.set", rateMlPerMin: 500 },
      { t: 40, type: "heart.setRhythm", rhythm: "vf" },
    ],
  });

describe("SessionCore", () => {
  it("records one waveform sample per 4 ms per channel, channel-major, and one trend row per second", () => {
    const s = adult();
    s.takeFrame();
    s.advance(2, true);
    const f = s.takeFrame();
    expect(f.waveCount).toBe(Math.round(2 / WAVE_DT_S));
    expect(f.waves.length).toBe(f.waveCount * WAVE_CHANNELS.length);
    expect(f.trendRows).toBe(2);
    expect(f.trend.length).toBe(2 * (1 + s.signalCount));
    expect(f.trend[0]).toBeCloseTo(1, 9);
    // The arterial channel holds the engine's aortic pressure: its range spans diastolic to systolic.
    const aop = f.waves.subarray(f.waveCount, 2 * f.waveCount);
    const max = Math.max(...aop);
    const min = Math.min(...aop);
    expect(max).toBeGreaterThan(min + 20);
    expect(max).toBeLessThan(200);
  });

  it.each(["neonate", "infant", "child", "adult-male"])(
    "draws one QRS (R wave > 0.8 mV) per heartbeat in sinus rhythm (%s)",
    (preset) => {
      const s = new SessionCore({ patient: patientFromPreset(preset), seed: 1, actions: [] });
      s.advance(5, false);
      s.takeFrame();
      s.advance(10, true);
      const f = s.takeFrame();
      const ecg = f.waves.subarray(0, f.waveCount);
      let peaks = 0;
      for (let i = 1; i < ecg.length; i++) if (ecg[i]! > 0.8 && ecg[i - 1]! <= 0.8) peaks++;
      const hr = f.values[s.sim.signalIndex("patient.hr")]!;
      // Beats in 10 s at the engine's heart rate, ±1.5 for the window edges.
      expect(Math.abs(peaks - (hr * 10) / 60)).toBeLessThanOrEqual(1.5);
      expect(f.rhythm).toBe("sinus");
    },
  );

  it("reports scenario actions as events when their time passes, and the next event time", () => {
    const s = adult();
    expect(s.nextEventS()).toBe(20);
    expect(s.advanceTowardNextEvent(5)).toBe(false);
    expect(s.timeS).toBeCloseTo(5, 9);
    expect(s.advanceTowardNextEvent(60)).toBe(true);
    expect(s.timeS).toBeCloseTo(20, 9);
    const ev = s.takeFrame().events.filter((e) => e.kind === "scenario");
    expect(ev.map((e) => e.text)).toEqual(["bleeding 500 mL/min"]);
    expect(s.nextEventS()).toBe(40);
  });

  it("shows VF after the scenario orders it and the heart stops beating", () => {
    const s = adult();
    s.advance(40, false);
    s.advance(5, true);
    expect(s.takeFrame().rhythm).toBe("vf");
  });

  it("applies console actions at the current time and refuses bad ones with the field and range", () => {
    const s = adult();
    s.advance(1, false);
    expect(s.act({ type: "drug.bolus", drug: "heparin", amount: 30000 })).toBe(true);
    expect(s.act({ type: "fluid.give", fluid: "crystalloid", volumeMl: -5 })).toBe(false);
    const ev = s.takeFrame().events;
    const ok = ev.find((e) => e.kind === "action");
    expect(ok?.text).toBe("heparin bolus 30000 U");
    expect(ok?.action?.t).toBeCloseTo(1, 9);
    const refused = ev.find((e) => e.kind === "refused");
    expect(refused?.problems?.[0]?.field).toBe("action.volumeMl");
    expect(refused?.problems?.[0]?.allowed).toBe("a number ≥ 0");
  });

  it("returns a lab result after its turnaround with the values at the draw, and it counts as an event", () => {
    const s = adult();
    s.advance(1, false);
    const hbAtDraw = s.read("patient.hb");
    const r = s.drawLab("hb");
    expect(r.resultAtS).toBeCloseTo(61, 9);
    expect(s.nextEventS()).toBeCloseTo(20, 9);
    s.advance(59, false);
    expect(s.takeFrame().events.some((e) => e.kind === "lab-result")).toBe(false);
    s.advance(1.1, false);
    const res = s.takeFrame().events.find((e) => e.kind === "lab-result");
    expect(res?.lab?.values[0]?.value).toBeCloseTo(hbAtDraw, 9);
  });

  it("an ACT result takes the measured clotting time plus handling", () => {
    const s = adult();
    s.advance(1, false);
    const act = s.read("patient.act");
    const r = s.drawLab("act");
    expect(r.resultAtS - r.drawnAtS).toBeCloseTo(act + ACT_HANDLING_S, 6);
    expect(r.values.find((v) => v.label === "ACT")?.value).toBeCloseTo(act, 9);
  });

  it("is deterministic: same seed and actions give the same waveforms", () => {
    const a = adult();
    const b = adult();
    a.advance(3, true);
    b.advance(3, true);
    expect(Array.from(a.takeFrame().waves)).toEqual(Array.from(b.takeFrame().waves));
  });
});

describe("pleth channel", () => {
  it("follows the arterial pulse, later (transit delay + damping), normalised to about 0–1", () => {
    const s = adult();
    s.advance(5, false);
    s.takeFrame();
    s.advance(3, true);
    const f = s.takeFrame();
    const n = f.waveCount;
    const ch = (name: string) =>
      f.waves.subarray(
        WAVE_CHANNELS.indexOf(name as never) * n,
        (WAVE_CHANNELS.indexOf(name as never) + 1) * n,
      );
    const aop = ch("patient.aop");
    const pleth = ch("pleth");
    expect(Math.max(...pleth)).toBeGreaterThan(0.6);
    expect(Math.max(...pleth)).toBeLessThanOrEqual(1.3);
    expect(Math.min(...pleth)).toBeGreaterThanOrEqual(-0.2);
    // Lag of the best cross-correlation between the two: the 160 ms delay plus the filter's ~80 ms.
    let best = 0;
    let bestLag = 0;
    for (let lag = 0; lag < 100; lag++) {
      let sum = 0;
      for (let i = 0; i + lag < n; i++) sum += (aop[i]! - 90) * (pleth[i + lag]! - 0.5);
      if (sum > best) {
        best = sum;
        bestLag = lag;
      }
    }
    expect(bestLag * WAVE_DT_S).toBeGreaterThan(0.16);
    expect(bestLag * WAVE_DT_S).toBeLessThan(0.3);
  });
});

describe("pleth without a pulse", () => {
  it("stays nearly flat in VF", () => {
    const s = new SessionCore({
      patient: patientFromPreset("adult-male"),
      seed: 7,
      actions: [{ t: 5, type: "heart.setRhythm", rhythm: "vf" }],
    });
    s.advance(20, false);
    s.takeFrame();
    s.advance(6, true);
    const f = s.takeFrame();
    const k = WAVE_CHANNELS.indexOf("pleth");
    const pleth = f.waves.subarray(k * f.waveCount, (k + 1) * f.waveCount);
    expect(Math.max(...pleth) - Math.min(...pleth)).toBeLessThan(0.35);
  });
});
