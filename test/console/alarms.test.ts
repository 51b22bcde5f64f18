import { describe, expect, it } from "vitest";
import {
  type AlarmDef,
  AlarmManager,
  CIRCUIT_ALARM_SIGNAL,
  circuitAlarms,
  defaultAlarms,
} from "../../src/console/alarms.ts";
import { ALARMS as CIRCUIT_ALARMS } from "../../src/sim/circuit/index.ts";

const MAP_LOW: AlarmDef = {
  id: "map-low",
  label: "MAP low",
  priority: "high",
  signal: "patient.map",
  low: 50,
  latching: true,
};
const HR_HIGH: AlarmDef = {
  id: "hr-high",
  label: "HR high",
  priority: "medium",
  signal: "patient.hr",
  high: 120,
  delayS: 5,
};
const CVP: AlarmDef = { id: "cvp-high", label: "CVP high", priority: "low", signal: "patient.cvp", high: 15 };

function run(m: AlarmManager, t: number, values: Record<string, number>): void {
  m.evaluate(t, (s) => values[s] ?? Number.NaN);
}

describe("AlarmManager", () => {
  it("starts an alarm when a limit is crossed and logs it", () => {
    const m = new AlarmManager([MAP_LOW]);
    run(m, 0, { "patient.map": 70 });
    expect(m.active()).toEqual([]);
    run(m, 1, { "patient.map": 45 });
    const [a] = m.active();
    expect(a?.id).toBe("map-low");
    expect(a?.status).toBe("active");
    expect(a?.sinceS).toBe(1);
    expect(m.log.map((e) => e.kind)).toEqual(["start"]);
    expect(m.audible()).toBe("high");
  });

  it("waits for the delay before starting and forgets a condition that ends early", () => {
    const m = new AlarmManager([HR_HIGH]);
    run(m, 0, { "patient.hr": 130 });
    run(m, 4, { "patient.hr": 130 });
    expect(m.active()).toEqual([]);
    run(m, 4.5, { "patient.hr": 100 });
    run(m, 5, { "patient.hr": 130 });
    run(m, 9, { "patient.hr": 130 });
    expect(m.active()).toEqual([]);
    run(m, 10, { "patient.hr": 130 });
    expect(m.active()[0]?.id).toBe("hr-high");
  });

  it("clears a non-latching alarm when its condition ends", () => {
    const m = new AlarmManager([CVP]);
    run(m, 0, { "patient.cvp": 20 });
    expect(m.active()).toHaveLength(1);
    run(m, 1, { "patient.cvp": 10 });
    expect(m.active()).toHaveLength(0);
    expect(m.log.map((e) => e.kind)).toEqual(["start", "end"]);
  });

  it("keeps a latching alarm shown after the condition ends until acknowledged", () => {
    const m = new AlarmManager([MAP_LOW]);
    run(m, 0, { "patient.map": 40 });
    run(m, 2, { "patient.map": 65 });
    expect(m.active()[0]?.status).toBe("latched");
    expect(m.audible()).toBe("high");
    expect(m.acknowledge(3)).toBe(1);
    expect(m.active()).toEqual([]);
    expect(m.audible()).toBeNull();
  });

  it("acknowledging an active alarm stops its sound but keeps it shown while the condition lasts", () => {
    const m = new AlarmManager([MAP_LOW, CVP]);
    run(m, 0, { "patient.map": 40, "patient.cvp": 20 });
    expect(m.audible()).toBe("high");
    m.acknowledge(1, "map-low");
    expect(m.active().map((a) => [a.id, a.acknowledged])).toEqual([
      ["map-low", true],
      ["cvp-high", false],
    ]);
    expect(m.audible()).toBe("low");
    // An acknowledged latching alarm clears as soon as its condition ends.
    run(m, 2, { "patient.map": 70, "patient.cvp": 20 });
    expect(m.active().map((a) => a.id)).toEqual(["cvp-high"]);
  });

  it("silences sound for the set time, visual indication continues, then sound returns", () => {
    const m = new AlarmManager([HR_HIGH]);
    run(m, 0, { "patient.hr": 150 });
    run(m, 5, { "patient.hr": 150 });
    expect(m.audible(5)).toBe("medium");
    m.silence(5, 120);
    expect(m.audible(6)).toBeNull();
    expect(m.silenceRemainingS(65)).toBe(60);
    run(m, 124, { "patient.hr": 150 });
    expect(m.active()).toHaveLength(1);
    expect(m.audible(124)).toBeNull();
    run(m, 125, { "patient.hr": 150 });
    expect(m.audible(125)).toBe("medium");
    expect(m.log.map((e) => e.kind)).toEqual(["start", "silence", "silence-end"]);
  });

  it("a new high-priority alarm ends an audio pause", () => {
    const m = new AlarmManager([CVP, MAP_LOW]);
    run(m, 0, { "patient.cvp": 20, "patient.map": 70 });
    m.silence(0, 120);
    run(m, 10, { "patient.cvp": 20, "patient.map": 30 });
    expect(m.audible(10)).toBe("high");
    expect(m.silenceRemainingS(10)).toBe(0);
  });

  it("orders alarms by priority, then age", () => {
    const m = new AlarmManager([CVP, HR_HIGH, MAP_LOW]);
    run(m, 0, { "patient.cvp": 20, "patient.hr": 150, "patient.map": 70 });
    run(m, 6, { "patient.cvp": 20, "patient.hr": 150, "patient.map": 30 });
    expect(m.active().map((a) => a.priority)).toEqual(["high", "medium", "low"]);
  });

  it("ignores signals the engine does not have (NaN)", () => {
    const m = new AlarmManager([MAP_LOW]);
    run(m, 0, {});
    expect(m.active()).toEqual([]);
  });

  it("scales fractions for display (SpO2 as %) and changes limits with a log entry", () => {
    const defs = defaultAlarms(50);
    const m = new AlarmManager(defs.filter((d) => d.id === "spo2-low"));
    run(m, 0, { "patient.sao2": 0.85 });
    run(m, 10, { "patient.sao2": 0.85 });
    expect(m.active()[0]?.message).toContain("85 %");
    m.setLimits("spo2-low", 80, undefined, 11);
    run(m, 12, { "patient.sao2": 0.85 });
    expect(m.active()).toEqual([]);
    expect(m.log.at(-2)?.kind).toBe("limits");
  });

  it("uses tighter heart-rate limits for a neonate than for an adult", () => {
    const hrLow = (age: number) => defaultAlarms(age).find((d) => d.id === "hr-low")?.low;
    expect(hrLow(0)).toBeGreaterThan(hrLow(50)!);
  });
});

describe("alarm suppression", () => {
  it("does not raise HR low or MAP low while the no-pulse alarm is shown", () => {
    const m = new AlarmManager(defaultAlarms(50));
    const pulseless = {
      "patient.hr": 0,
      "patient.map": 20,
      "patient.sao2": 0.97,
      "patient.cvp": 8,
      "patient.tempCore": 37,
      "patient.etco2": 30,
    };
    for (let t = 0; t <= 10; t++) run(m, t, pulseless);
    expect(m.active().map((a) => a.id)).toEqual(["no-pulse"]);
    // With a pulse back but a low pressure, MAP low is raised.
    for (let t = 11; t <= 20; t++) run(m, t, { ...pulseless, "patient.hr": 70 });
    m.acknowledge(20);
    for (let t = 21; t <= 30; t++) run(m, t, { ...pulseless, "patient.hr": 70 });
    expect(m.active().map((a) => a.id)).toEqual(["map-low"]);
  });
});

describe("circuit alarms from the alarm word", () => {
  const defs = circuitAlarms(CIRCUIT_ALARMS);
  const bubble = CIRCUIT_ALARMS.find((a) => a.key === "bubble")!;
  const levelLow = CIRCUIT_ALARMS.find((a) => a.key === "levelLow")!;

  it("raises each set bit with the circuit's name and priority; high ones latch", () => {
    const m = new AlarmManager(defs);
    run(m, 0, { [CIRCUIT_ALARM_SIGNAL]: bubble.bit | levelLow.bit });
    expect(m.active().map((a) => [a.label, a.priority])).toEqual([
      [bubble.name, "high"],
      [levelLow.name, "medium"],
    ]);
    run(m, 1, { [CIRCUIT_ALARM_SIGNAL]: 0 });
    expect(m.active().map((a) => [a.label, a.status])).toEqual([[bubble.name, "latched"]]);
  });

  it("stays silent while the engine has no circuit alarm signal", () => {
    const m = new AlarmManager(defs);
    run(m, 0, {});
    expect(m.active()).toEqual([]);
  });
});
