import { describe, expect, it } from "vitest";
import { EcgSynth } from "../../src/console/ecg.ts";

/** A toy LV pressure: 8 mmHg in diastole, a systolic rise of 1000 mmHg/s for 0.1 s at each beat. */
function lv(t: number, rr: number): number {
  const tau = t % rr;
  return tau < 0.1 ? 8 + 1000 * tau : tau < 0.3 ? 108 - 500 * (tau - 0.1) : 8;
}

describe("synthetic ECG", () => {
  it("puts one QRS at each LV pressure upstroke, with the P wave before it and the T wave after", () => {
    const e = new EcgSynth(1);
    const rr = 0.8;
    const dt = 0.004;
    const rPeaks: number[] = [];
    let prev = 0;
    for (let i = 0; i < 2000; i++) {
      const t = i * dt;
      const v = e.next(t, lv(t, rr), 75);
      if (v > 0.8 && prev <= 0.8) rPeaks.push(t);
      prev = v;
    }
    expect(rPeaks.length).toBe(10);
    // R peak ≈ 35 ms after the upstroke starts, every RR.
    for (const [k, t] of rPeaks.entries()) expect(t - k * rr).toBeCloseTo(0.035, 1);
    expect(e.rhythm).toBe("sinus");
  });

  it("shows VF (no QRS-sized deflections) when VF was ordered and no beats come", () => {
    const e = new EcgSynth(1);
    e.ordered = "vf";
    let max = 0;
    let min = 0;
    for (let i = 0; i < 1500; i++) {
      const v = e.next(i * 0.004, 8, 0);
      max = Math.max(max, v);
      min = Math.min(min, v);
    }
    expect(e.rhythm).toBe("vf");
    expect(max).toBeLessThan(0.8);
    expect(max - min).toBeGreaterThan(0.3);
  });

  it("shows asystole as a near-flat line when no beats come and VF was not ordered", () => {
    const e = new EcgSynth(1);
    let spread = 0;
    for (let i = 0; i < 1500; i++) spread = Math.max(spread, Math.abs(e.next(i * 0.004, 8, 0)));
    expect(e.rhythm).toBe("asystole");
    expect(spread).toBeLessThan(0.05);
  });
});
