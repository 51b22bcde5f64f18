/**
 * Console safety interlocks as a pure state machine (explicit state in numbers; no allocation per step):
 *   - level:    reservoir level ≤ stop level → arterial pump stopped and latched until the level is back above the
 *               alarm level and the operator resets; in "slow" mode the pump is also slowed linearly from the
 *               alarm level down to the stop level.
 *   - bubble:   air detected → pump stopped and latched until operator reset.
 *   - pressure: arterial line pressure servo: the speed factor is driven towards a target that is 1 below the
 *               servo pressure and falls linearly to 0 at the stop (alarm) limit, through a first-order lag τ:
 *               f ← t + (f − t)·exp(−dt/τ). In a steady state P = P0·Pstop/(Pstop − Pservo + P0) < Pstop for any
 *               unobstructed pressure P0, so pressure stays under the limit (proportional servo with a lag for
 *               stability: the loop gain P0/(Pstop − Pservo) is stable while (1 − e^(−dt/τ))·(1 + gain) < 2).
 * Each interlock can be disabled; a disabled interlock never changes the pump factor, but its alarm still sounds.
 * Consoles work this way (e.g. level and bubble sensors that stop the arterial pump; pressure servo then stop);
 * the thresholds are settings.
 */
import {
  ALARM_ARTERIAL_PRESSURE_HIGH,
  ALARM_BUBBLE,
  ALARM_GAS_SUPPLY_LOW,
  ALARM_LEVEL_LOW,
  ALARM_LEVEL_STOP,
  ALARM_OXYGENATOR_DELTA_P_HIGH,
  ALARM_PRESSURE_SERVO,
  ALARM_TEMPERATURE_HIGH,
  ALARM_TEMPERATURE_LOW,
  ALARM_VENOUS_PRESSURE_LOW,
} from "./alarms.ts";

/** Readings (Float64Array of RD_SIZE), written by the engine each step. */
export const RD_LEVEL_ML = 0;
export const RD_AIR_DETECTED = 1; // 1 when the bubble detector fired this step
export const RD_ARTERIAL_PRESSURE_MMHG = 2;
export const RD_VENOUS_PRESSURE_MMHG = 3;
export const RD_OXYGENATOR_DELTA_P_MMHG = 4;
export const RD_SWEEP_L_PER_MIN = 5; // effective sweep (0 when the gas supply is lost)
export const RD_ARTERIAL_TEMP_C = 6;
export const RD_OPERATOR_RESET = 7; // 1 on the step the operator presses reset
export const RD_SIZE = 8;

/** Settings (Float64Array of ST_SIZE). */
export const ST_LEVEL_ENABLED = 0;
export const ST_LEVEL_ALARM_ML = 1;
export const ST_LEVEL_STOP_ML = 2;
export const ST_LEVEL_SLOW_MODE = 3; // 1: slow between alarm and stop levels
export const ST_BUBBLE_ENABLED = 4;
export const ST_PRESSURE_ENABLED = 5;
export const ST_PRESSURE_SERVO_MMHG = 6;
export const ST_PRESSURE_STOP_MMHG = 7;
export const ST_SERVO_TAU_S = 8;
export const ST_DELTA_P_HIGH_MMHG = 9;
export const ST_VENOUS_PRESSURE_LOW_MMHG = 10;
export const ST_SWEEP_LOW_L_PER_MIN = 11;
export const ST_TEMP_HIGH_C = 12;
export const ST_TEMP_LOW_C = 13;
export const ST_SIZE = 14;

/** State (Float64Array of IS_SIZE). */
export const IS_PRESSURE_FACTOR = 0;
export const IS_LEVEL_LATCHED = 1;
export const IS_BUBBLE_LATCHED = 2;
export const IS_ALARMS = 3; // alarm word (bits of alarms.ts)
export const IS_COMMAND = 4; // commanded pump factor 0–1
export const IS_SIZE = 5;

export interface InterlockSettings {
  levelEnabled?: boolean;
  levelAlarmMl?: number;
  levelStopMl?: number;
  levelSlowMode?: boolean;
  bubbleEnabled?: boolean;
  pressureEnabled?: boolean;
  pressureServoMmHg?: number;
  pressureStopMmHg?: number;
  servoTauS?: number;
  deltaPHighMmHg?: number;
  venousPressureLowMmHg?: number;
  sweepLowLPerMin?: number;
  tempHighC?: number;
  tempLowC?: number;
}

/**
 * Settings array from named values. Defaults [U: typical, set per institution]: level alarm 400 / stop 200 mL,
 * servo 250 / stop 300 mmHg, ΔP 150 mmHg, venous −80 mmHg, sweep 0.5 L/min (Capiox FX25 IFU minimum gas flow,
 * reference §7.1), temperature 37.5 / 15 °C (arterial outlet ≤ 37 °C on rewarming, primer).
 */
export function createInterlockSettings(s: InterlockSettings = {}): Float64Array {
  const a = new Float64Array(ST_SIZE);
  a[ST_LEVEL_ENABLED] = s.levelEnabled === false ? 0 : 1;
  a[ST_LEVEL_ALARM_ML] = s.levelAlarmMl ?? 400;
  a[ST_LEVEL_STOP_ML] = s.levelStopMl ?? 200;
  a[ST_LEVEL_SLOW_MODE] = s.levelSlowMode ? 1 : 0;
  a[ST_BUBBLE_ENABLED] = s.bubbleEnabled === false ? 0 : 1;
  a[ST_PRESSURE_ENABLED] = s.pressureEnabled === false ? 0 : 1;
  a[ST_PRESSURE_SERVO_MMHG] = s.pressureServoMmHg ?? 250;
  a[ST_PRESSURE_STOP_MMHG] = s.pressureStopMmHg ?? 300;
  a[ST_SERVO_TAU_S] = s.servoTauS ?? 0.3;
  a[ST_DELTA_P_HIGH_MMHG] = s.deltaPHighMmHg ?? 150;
  a[ST_VENOUS_PRESSURE_LOW_MMHG] = s.venousPressureLowMmHg ?? -80;
  a[ST_SWEEP_LOW_L_PER_MIN] = s.sweepLowLPerMin ?? 0.5;
  a[ST_TEMP_HIGH_C] = s.tempHighC ?? 37.5;
  a[ST_TEMP_LOW_C] = s.tempLowC ?? 15;
  return a;
}

export function createInterlockState(): Float64Array {
  const s = new Float64Array(IS_SIZE);
  s[IS_PRESSURE_FACTOR] = 1;
  s[IS_COMMAND] = 1;
  return s;
}

/** One step: updates `state` and returns the commanded arterial pump factor (0–1). Alarm word in state[IS_ALARMS]. */
export function stepInterlocks(
  state: Float64Array,
  readings: Float64Array,
  settings: Float64Array,
  dtS: number,
): number {
  const level = readings[RD_LEVEL_ML]!;
  const p = readings[RD_ARTERIAL_PRESSURE_MMHG]!;
  const reset = readings[RD_OPERATOR_RESET]! > 0.5;
  const alarmLevel = settings[ST_LEVEL_ALARM_ML]!;
  const stopLevel = settings[ST_LEVEL_STOP_ML]!;
  const servo = settings[ST_PRESSURE_SERVO_MMHG]!;
  const stopP = settings[ST_PRESSURE_STOP_MMHG]!;
  let alarms = 0;

  // Level
  let levelFactor = 1;
  if (level <= alarmLevel) alarms |= ALARM_LEVEL_LOW.bit;
  if (level <= stopLevel) alarms |= ALARM_LEVEL_STOP.bit;
  if (settings[ST_LEVEL_ENABLED]! > 0.5) {
    if (level <= stopLevel) state[IS_LEVEL_LATCHED] = 1;
    else if (reset && level > alarmLevel) state[IS_LEVEL_LATCHED] = 0;
    if (state[IS_LEVEL_LATCHED]! > 0.5) levelFactor = 0;
    else if (settings[ST_LEVEL_SLOW_MODE]! > 0.5 && level < alarmLevel && alarmLevel > stopLevel) {
      levelFactor = (level - stopLevel) / (alarmLevel - stopLevel);
    }
  } else {
    state[IS_LEVEL_LATCHED] = 0;
  }

  // Bubble
  const air = readings[RD_AIR_DETECTED]! > 0.5;
  if (air) alarms |= ALARM_BUBBLE.bit;
  let bubbleFactor = 1;
  if (settings[ST_BUBBLE_ENABLED]! > 0.5) {
    if (air) state[IS_BUBBLE_LATCHED] = 1;
    else if (reset) state[IS_BUBBLE_LATCHED] = 0;
    if (state[IS_BUBBLE_LATCHED]! > 0.5) {
      bubbleFactor = 0;
      alarms |= ALARM_BUBBLE.bit;
    }
  } else {
    state[IS_BUBBLE_LATCHED] = 0;
  }

  // Pressure servo
  if (p >= stopP) alarms |= ALARM_ARTERIAL_PRESSURE_HIGH.bit;
  let pressureFactor = 1;
  if (settings[ST_PRESSURE_ENABLED]! > 0.5) {
    let target = 1;
    if (p >= stopP) target = 0;
    else if (p > servo) target = (stopP - p) / (stopP - servo);
    const tau = settings[ST_SERVO_TAU_S]!;
    const f = state[IS_PRESSURE_FACTOR]!;
    state[IS_PRESSURE_FACTOR] = tau > 0 ? target + (f - target) * Math.exp(-dtS / tau) : target;
    pressureFactor = state[IS_PRESSURE_FACTOR]!;
    if (pressureFactor < 0.999) alarms |= ALARM_PRESSURE_SERVO.bit;
  } else {
    state[IS_PRESSURE_FACTOR] = 1;
  }

  // Alarms without an interlock
  if (readings[RD_OXYGENATOR_DELTA_P_MMHG]! >= settings[ST_DELTA_P_HIGH_MMHG]!)
    alarms |= ALARM_OXYGENATOR_DELTA_P_HIGH.bit;
  if (readings[RD_VENOUS_PRESSURE_MMHG]! <= settings[ST_VENOUS_PRESSURE_LOW_MMHG]!)
    alarms |= ALARM_VENOUS_PRESSURE_LOW.bit;
  if (readings[RD_SWEEP_L_PER_MIN]! < settings[ST_SWEEP_LOW_L_PER_MIN]!) alarms |= ALARM_GAS_SUPPLY_LOW.bit;
  const t = readings[RD_ARTERIAL_TEMP_C]!;
  if (t >= settings[ST_TEMP_HIGH_C]!) alarms |= ALARM_TEMPERATURE_HIGH.bit;
  if (t <= settings[ST_TEMP_LOW_C]!) alarms |= ALARM_TEMPERATURE_LOW.bit;

  const command = levelFactor * bubbleFactor * pressureFactor;
  state[IS_ALARMS] = alarms;
  state[IS_COMMAND] = command;
  return command;
}
