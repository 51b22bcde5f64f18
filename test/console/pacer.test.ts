import { describe, expect, it } from "vitest";
import { MAX_CATCH_UP_S, Pacer } from "../../src/console/pacer.ts";
import { SessionCore, WAVE_DT_S } from "../../src/console/session.ts";
import { patientFromPreset } from "../../src/sim/index.ts";

const session = () =>
  new SessionCore({
    patient: patientFromPreset("child"),
    seed: 2,
    actions: [{ t: 30, type: "bleeding.set", rateMlPerMin: 50 }],
  });
const clock = () => 0;

describe("Pacer", () => {
  it("advances wall time × speed in whole waveform samples, carrying the remainder", () => {
    const core = session();
    const p = new Pacer(core);
    p.setSpeed(2);
    for (let i = 0; i < 30; i++) p.tick(1 / 30, clock, 20);
    expect(core.timeS).toBeCloseTo(2, 2);
    expect(core.timeS).toBeLessThanOrEqual(2 + 1e-9);
    // Whole samples only.
    expect(Math.abs(core.timeS / WAVE_DT_S - Math.round(core.timeS / WAVE_DT_S))).toBeLessThan(1e-6);
    expect(p.droppedS).toBe(0);
  });

  it("does not advance while paused", () => {
    const core = session();
    const p = new Pacer(core);
    p.setSpeed(0);
    p.tick(1, clock, 20);
    expect(core.timeS).toBe(0);
  });

  it("caps catch-up after a long stall and counts the skipped time", () => {
    const core = session();
    const p = new Pacer(core);
    p.setSpeed(5);
    p.tick(10, clock, 20);
    // The capped 1.25 s, in whole 4 ms samples (the 2 ms remainder is carried to the next tick).
    expect(core.timeS).toBeGreaterThan(MAX_CATCH_UP_S * 5 - WAVE_DT_S);
    expect(core.timeS).toBeLessThanOrEqual(MAX_CATCH_UP_S * 5);
    expect(p.droppedS).toBeCloseTo(50 - MAX_CATCH_UP_S * 5, 6);
  });

  it("fast-forwards to the next event within the work budget, then resumes the previous speed", () => {
    const core = session();
    const p = new Pacer(core);
    p.setSpeed(2);
    expect(p.startFastForward()).toBe(true);
    let wall = 0;
    // A fake clock that moves 10 ms per read: the budget of 20 ms allows a few steps per tick.
    const fake = () => {
      wall += 10;
      return wall;
    };
    let ticks = 0;
    while (p.fastForward && ticks < 100) {
      p.tick(1 / 30, fake, 20);
      ticks++;
    }
    expect(core.timeS).toBeCloseTo(30, 9);
    expect(ticks).toBeGreaterThan(1);
    expect(p.speed).toBe(2);
    expect(p.startFastForward()).toBe(false);
  });
});
