import { describe, expect, it } from "vitest";
import { InputError } from "../common/errors.ts";
import { FakeSimulation } from "./fake-simulation.test-helper.ts";
import { runSimulation } from "./run.ts";

describe("runSimulation", () => {
  it("samples at t = 0, every sampleS, and exactly at the end", () => {
    const times: number[] = [];
    const summary = runSimulation(new FakeSimulation(), [], {
      durationS: 2.5,
      sampleS: 1,
      onSample: (t) => times.push(t),
    });
    expect(times).toEqual([0, 1, 2, 2.5]);
    expect(summary.samples).toBe(4);
    expect(summary.simulatedSeconds).toBe(2.5);
    expect(summary.signals["fake.time"]).toEqual({
      unit: "s",
      first: 0,
      last: 2.5,
      min: 0,
      max: 2.5,
      mean: 5.5 / 4,
    });
  });

  it("applies scheduled actions (bleeding 600 mL/min for 30 s removes 300 mL)", () => {
    const summary = runSimulation(
      new FakeSimulation(),
      [{ t: 10, type: "bleeding.set", rateMlPerMin: 600 }],
      {
        durationS: 40,
        sampleS: 5,
        signals: ["patient.bloodVolume"],
      },
    );
    const bv = summary.signals["patient.bloodVolume"]!;
    expect(bv.first).toBe(5000);
    expect(bv.last).toBeCloseTo(4700, 6);
    expect(Object.keys(summary.signals)).toEqual(["patient.bloodVolume"]);
  });

  it("refuses a non-positive duration or sampling interval, and unknown signals", () => {
    expect(() => runSimulation(new FakeSimulation(), [], { durationS: 0, sampleS: 1 })).toThrowError(
      InputError,
    );
    expect(() => runSimulation(new FakeSimulation(), [], { durationS: 10, sampleS: -1 })).toThrowError(
      /sampleS/,
    );
    expect(() =>
      runSimulation(new FakeSimulation(), [], { durationS: 10, sampleS: 1, signals: ["nope"] }),
    ).toThrowError(InputError);
  });

  it("stops with a clear error instead of reporting a non-finite value", () => {
    const sim = new FakeSimulation();
    sim.read = () => Number.NaN;
    expect(() => runSimulation(sim, [], { durationS: 1, sampleS: 1 })).toThrowError(
      /non-finite value for fake.time/,
    );
  });
});
