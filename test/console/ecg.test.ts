import { describe, expect, it } from "vitest";
import { EcgSynth } from "../../src/console/ecg.ts";

/**
 * A toy LV pressure: a systolic rise of 1000 mmHg/s for 0.1 s at each beat, relaxation, then rapid
 * early filling at 120 mmHg/s (as in the engine's infant) that must not count as a beat.
 */
function lv(t: number, rr: number): number {
  const tau = t % rr;
  if (tau < 0.1) return 8 + 1000 * tau;
  if (tau < 0.3) return 108 - 500 * (tau - 0.1);
  if (tau < 0.35) return 8 + 120 * (tau - 0.3);
  return 14;
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
    for (const [k, t] of rPeaks.entries()) expect(Math.abs(t - k * rr - 0.035)).toBeLessThan(0.012);
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

  it("keeps QRS complexes at the heart rate when the ventricle makes no upstroke (PEA)", () => {
    const e = new EcgSynth(1);
    let peaks = 0;
    let prev = 0;
    for (let i = 0; i < 2500; i++) {
      const v = e.next(i * 0.004, 5, 100);
      if (v > 0.8 && prev <= 0.8) peaks++;
      prev = v;
    }
    // 10 s at 100/min: the first complex after 1.5 RR (0.9 s), then one per 0.6 s.
    expect(peaks).toBe(16);
    expect(e.rhythm).toBe("sinus");
  });

  it("shows asystole as a near-flat line when no beats come and VF was not ordered", () => {
    const e = new EcgSynth(1);
    let spread = 0;
    for (let i = 0; i < 1500; i++) spread = Math.max(spread, Math.abs(e.next(i * 0.004, 8, 0)));
    expect(e.rhythm).toBe("asystole");
    expect(spread).toBeLessThan(0.05);
  });
});
