/**
 * Readouts: pressure transducers, temperature probes, in-line blood monitor values and the reservoir level
 * sensor. A reading is the true value through an optional first-order lag (exact discretisation):
 *   y ← x + (y − x)·exp(−dt/τ)        (τ = 0: no filtering)
 * plus an offset (zeroing error). τ values are settings: a fluid-filled disposable transducer is fast (τ 0), a
 * thermistor takes seconds, an in-line blood-gas monitor several seconds [U: typical; check the device manuals].
 */
import { z } from "zod";
import { parseSpec } from "./units.ts";

export const PRESSURE_SITES = [
  "arterialLine",
  "preOxygenator",
  "postOxygenator",
  "venousLine",
  "cardioplegia",
] as const;
export const TEMPERATURE_SITES = [
  "arterialOutlet",
  "venousInlet",
  "water",
  "cardioplegia",
  "nasopharyngeal",
  "bladder",
  "rectal",
] as const;
export const MONITOR_SITES = ["arterial", "venous"] as const;

export const pressureTransducerSpecSchema = z
  .object({
    site: z.enum(PRESSURE_SITES),
    filterTauS: z.number().min(0).max(10).default(0),
    offsetMmHg: z.number().min(-50).max(50).default(0),
  })
  .strict();
export const temperatureProbeSpecSchema = z
  .object({
    site: z.enum(TEMPERATURE_SITES),
    filterTauS: z.number().min(0).max(120).default(2),
    offsetC: z.number().min(-5).max(5).default(0),
  })
  .strict();
export const bloodMonitorSpecSchema = z
  .object({
    site: z.enum(MONITOR_SITES),
    filterTauS: z.number().min(0).max(120).default(5),
  })
  .strict();
export const levelSensorSpecSchema = z
  .object({
    alarmLevelMl: z.number().min(0).max(5000),
    stopLevelMl: z.number().min(0).max(5000),
  })
  .strict();

export interface ReadoutParams {
  readonly filterTauS: number;
  readonly offset: number;
}

export function buildPressureTransducerParams(spec: unknown, root = "pressureTransducer"): ReadoutParams {
  const s = parseSpec(pressureTransducerSpecSchema, spec, root);
  return { filterTauS: s.filterTauS, offset: s.offsetMmHg };
}

export function buildTemperatureProbeParams(spec: unknown, root = "temperatureProbe"): ReadoutParams {
  const s = parseSpec(temperatureProbeSpecSchema, spec, root);
  return { filterTauS: s.filterTauS, offset: s.offsetC };
}

export function buildBloodMonitorParams(spec: unknown, root = "bloodMonitor"): ReadoutParams {
  const s = parseSpec(bloodMonitorSpecSchema, spec, root);
  return { filterTauS: s.filterTauS, offset: 0 };
}

/** Next displayed value from the previous display and the true value. */
export function stepReadout(p: ReadoutParams, previous: number, trueValue: number, dtS: number): number {
  const x = trueValue + p.offset;
  if (!(p.filterTauS > 0)) return x;
  return x + (previous - x) * Math.exp(-dtS / p.filterTauS);
}

export interface LevelSensorParams {
  readonly alarmLevelMl: number;
  readonly stopLevelMl: number;
}

export function buildLevelSensorParams(spec: unknown, root = "levelSensor"): LevelSensorParams {
  const s = parseSpec(levelSensorSpecSchema, spec, root);
  return s;
}

/** 0 normal, 1 below the alarm level, 2 below the stop level. */
export function levelSensorState(p: LevelSensorParams, volumeMl: number): number {
  if (volumeMl <= p.stopLevelMl) return 2;
  return volumeMl <= p.alarmLevelMl ? 1 : 0;
}
