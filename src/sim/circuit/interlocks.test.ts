import { describe, expect, it } from "vitest";
import {
  ALARM_ARTERIAL_PRESSURE_HIGH,
  ALARM_BUBBLE,
  ALARM_GAS_SUPPLY_LOW,
  ALARM_LEVEL_LOW,
  ALARM_LEVEL_STOP,
  ALARMS,
  activeAlarms,
  highestPriority,
} from "./alarms.ts";
import {
  createInterlockSettings,
  createInterlockState,
  IS_ALARMS,
  IS_COMMAND,
  IS_LEVEL_LATCHED,
  RD_AIR_DETECTED,
  RD_ARTERIAL_PRESSURE_MMHG,
  RD_ARTERIAL_TEMP_C,
  RD_LEVEL_ML,
  RD_OPERATOR_RESET,
  RD_SIZE,
  RD_SWEEP_L_PER_MIN,
  stepInterlocks,
} from "./interlocks.ts";

function readings(levelMl = 1000, pressure = 150): Float64Array {
  const r = new Float64Array(RD_SIZE);
  r[RD_LEVEL_ML] = levelMl;
  r[RD_ARTERIAL_PRESSURE_MMHG] = pressure;
  r[RD_SWEEP_L_PER_MIN] = 3;
  r[RD_ARTERIAL_TEMP_C] = 36;
  return r;
}

/** Reservoir 800 mL, pump set 5 L/min, venous return 3 L/min: the level falls 2 L/min until the interlock acts. */
function drainReservoir(levelEnabled: boolean, slow = false) {
  const settings = createInterlockSettings({
    levelEnabled,
    levelAlarmMl: 400,
    levelStopMl: 200,
    levelSlowMode: slow,
  });
  const state = createInterlockState();
  const r = readings(800);
  let v = 800;
  let minV = v;
  const dt = 0.01;
  for (let t = 0; t < 120; t += dt) {
    r[RD_LEVEL_ML] = v;
    const f = stepInterlocks(state, r, settings, dt);
    const pumpMlPerS = f * (5000 / 60);
    v += (3000 / 60 - pumpMlPerS) * dt;
    if (v < 0) v = 0;
    minV = Math.min(minV, v);
  }
  return { minV, state };
}

describe("level interlock", () => {
  it("stops the pump before the reservoir empties (5 L/min out, 3 in): the level never goes below the stop level minus one step", () => {
    const { minV, state } = drainReservoir(true);
    expect(minV).toBeGreaterThan(200 - (2000 / 60) * 0.01 - 1e-9);
    expect(state[IS_LEVEL_LATCHED]).toBe(1); // the level has refilled, but the pump stays stopped until reset
    expect(state[IS_COMMAND]).toBe(0);
  });
  it("slow mode also keeps the reservoir from emptying", () => {
    expect(drainReservoir(true, true).minV).toBeGreaterThan(150);
  });
  it("disabled: the reservoir empties (the alarm still sounds)", () => {
    const { minV } = drainReservoir(false);
    expect(minV).toBe(0);
  });
  it("latched until the level is restored and the operator resets", () => {
    const settings = createInterlockSettings();
    const state = createInterlockState();
    expect(stepInterlocks(state, readings(150), settings, 0.01)).toBe(0);
    expect(stepInterlocks(state, readings(600), settings, 0.01)).toBe(0);
    const r = readings(600);
    r[RD_OPERATOR_RESET] = 1;
    expect(stepInterlocks(state, r, settings, 0.01)).toBe(1);
  });
});

describe("bubble interlock", () => {
  it("air detected stops the pump until reset; disabled does nothing but alarms", () => {
    const state = createInterlockState();
    const r = readings();
    r[RD_AIR_DETECTED] = 1;
    expect(stepInterlocks(state, r, createInterlockSettings(), 0.01)).toBe(0);
    r[RD_AIR_DETECTED] = 0;
    expect(stepInterlocks(state, r, createInterlockSettings(), 0.01)).toBe(0);
    r[RD_OPERATOR_RESET] = 1;
    expect(stepInterlocks(state, r, createInterlockSettings(), 0.01)).toBe(1);
    const off = createInterlockState();
    const q = readings();
    q[RD_AIR_DETECTED] = 1;
    expect(stepInterlocks(off, q, createInterlockSettings({ bubbleEnabled: false }), 0.01)).toBe(1);
    expect(off[IS_ALARMS]! & ALARM_BUBBLE.bit).toBe(ALARM_BUBBLE.bit);
  });
});

describe("high arterial pressure servo", () => {
  // Plant: line pressure = factor × 5 L/min × R; a kink raises R over 1 s so the unservoed pressure reaches 600.
  function kink(enabled: boolean) {
    const settings = createInterlockSettings({
      pressureEnabled: enabled,
      pressureServoMmHg: 250,
      pressureStopMmHg: 300,
    });
    const state = createInterlockState();
    const r = readings();
    const q = 5000 / 60;
    let f = 1;
    let maxP = 0;
    let p = 0;
    const dt = 0.005;
    for (let t = 0; t < 20; t += dt) {
      const R = t < 1 ? 1.8 + (7.2 - 1.8) * t : 7.2; // mmHg·s/mL: 150 → 600 mmHg at full flow
      p = f * q * R;
      maxP = Math.max(maxP, p);
      r[RD_ARTERIAL_PRESSURE_MMHG] = p;
      f = stepInterlocks(state, r, settings, dt);
    }
    return { maxP, finalP: p, alarms: state[IS_ALARMS]! };
  }
  it("keeps the pressure under the 300 mmHg limit, settling at P0·Pstop/(Pstop − Pservo + P0) = 276.9 mmHg", () => {
    const { maxP, finalP } = kink(true);
    expect(maxP).toBeLessThan(300);
    expect(finalP).toBeCloseTo((600 * 300) / (50 + 600), 1);
  });
  it("disabled: the pressure follows the kink to 600 mmHg and the high-pressure alarm is set", () => {
    const { finalP, alarms } = kink(false);
    expect(finalP).toBeCloseTo(600, 6);
    expect(alarms & ALARM_ARTERIAL_PRESSURE_HIGH.bit).toBe(ALARM_ARTERIAL_PRESSURE_HIGH.bit);
  });
  it("no obstruction: nothing happens", () => {
    const state = createInterlockState();
    for (let i = 0; i < 100; i++)
      expect(stepInterlocks(state, readings(1000, 180), createInterlockSettings(), 0.01)).toBe(1);
    expect(state[IS_ALARMS]).toBe(0);
  });
});

describe("alarm table", () => {
  it("ids are unique 1–31 and bits are 1 << (id − 1)", () => {
    const ids = ALARMS.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const a of ALARMS) expect(a.bit).toBe(1 << (a.id - 1));
  });
  it("gas supply lost and level stop are high priority and sort first", () => {
    const word = ALARM_LEVEL_LOW.bit | ALARM_GAS_SUPPLY_LOW.bit | ALARM_LEVEL_STOP.bit;
    expect(activeAlarms(word).map((a) => a.key)).toEqual(["levelStop", "gasSupplyLow", "levelLow"]);
    expect(highestPriority(word)).toBe(3);
    expect(highestPriority(0)).toBe(0);
  });
  it("low sweep raises the gas alarm through stepInterlocks", () => {
    const state = createInterlockState();
    const r = readings();
    r[RD_SWEEP_L_PER_MIN] = 0;
    stepInterlocks(state, r, createInterlockSettings(), 0.01);
    expect(state[IS_ALARMS]! & ALARM_GAS_SUPPLY_LOW.bit).toBe(ALARM_GAS_SUPPLY_LOW.bit);
  });
});
