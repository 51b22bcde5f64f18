import { describe, expect, it } from "vitest";
import { problemsOf } from "../../common/test-helpers.ts";
import {
  airCarriedUl,
  bubbleDetected,
  buildArterialFilterParams,
  buildBubbleDetectorParams,
  filterAirPassedUl,
  filterPressureDropMmHg,
  openPortAirInflowUlPerS,
  reservoirAirOutflowUlPerS,
} from "./air.ts";
import {
  buildSamplingPortParams,
  clampOpenFraction,
  clampResistanceMultiplier,
  occlusionFromPercent,
  sampleVolumeRemovedMl,
} from "./clamp.ts";
import { buildHaemoconcentratorParams, concentrate, ultrafiltrationMlPerS } from "./haemoconcentrator.ts";
import {
  buildBloodMonitorParams,
  buildLevelSensorParams,
  buildPressureTransducerParams,
  buildTemperatureProbeParams,
  levelSensorState,
  stepReadout,
} from "./sensors.ts";

describe("air, filter and bubble detector", () => {
  const filter = buildArterialFilterParams({ poreSizeUm: 40, captureFraction: 0.9 });
  it("the filter catches its fraction of bubbles above the pore size and lets smaller ones through", () => {
    expect(filterAirPassedUl(filter, 100, 200)).toBeCloseTo(10, 12);
    expect(filterAirPassedUl(filter, 100, 20)).toBe(100);
    expect(filterPressureDropMmHg(filter, 5000 / 60)).toBeCloseTo(25, 9);
  });
  it("air is conserved through a chain: captured + passed = arrived", () => {
    const arrived = 250;
    const passed = filterAirPassedUl(filter, arrived, 100);
    expect(passed + arrived * 0.9).toBeCloseTo(arrived, 12);
  });
  it("the detector fires at its threshold per step", () => {
    const d = buildBubbleDetectorParams({ thresholdUl: 10 });
    expect(bubbleDetected(d, 9.99)).toBe(false);
    expect(bubbleDetected(d, 10)).toBe(true);
  });
  it("air leaves a segment in proportion to Q·dt/V, all of it if the segment is flushed", () => {
    expect(airCarriedUl(50, 100, 10, 0.5)).toBeCloseTo(2.5, 12);
    expect(airCarriedUl(50, 10, 100, 1)).toBe(50);
    expect(airCarriedUl(50, 100, 0, 1)).toBe(0);
  });
  it("an open port entrains air only below atmosphere; an empty reservoir pumps air", () => {
    expect(openPortAirInflowUlPerS(2, -40)).toBe(80);
    expect(openPortAirInflowUlPerS(2, 100)).toBe(0);
    expect(reservoirAirOutflowUlPerS(1, 83.3)).toBeCloseTo(83300, 6);
  });
  it("spec errors", () => {
    expect(problemsOf(() => buildArterialFilterParams({ poreSizeUm: 1 }))[0]?.field).toBe(
      "arterialFilter.poreSizeUm",
    );
    expect(problemsOf(() => buildBubbleDetectorParams({ thresholdUl: 0 }))[0]?.field).toBe(
      "bubbleDetector.thresholdUl",
    );
  });
});

describe("sensors", () => {
  it("a first-order readout reaches 63.2 % of a step in τ and is exact in any step size", () => {
    const p = buildTemperatureProbeParams({ site: "arterialOutlet", filterTauS: 2 });
    let y = 37;
    for (let i = 0; i < 200; i++) y = stepReadout(p, y, 27, 0.01);
    expect(y).toBeCloseTo(27 + 10 * Math.exp(-1), 9);
    expect(stepReadout(p, 37, 27, 2)).toBeCloseTo(27 + 10 * Math.exp(-1), 12);
  });
  it("an unfiltered transducer shows the value plus its offset", () => {
    const p = buildPressureTransducerParams({ site: "arterialLine", offsetMmHg: 3 });
    expect(stepReadout(p, 0, 180, 0.001)).toBe(183);
    expect(buildBloodMonitorParams({ site: "venous" }).filterTauS).toBe(5);
  });
  it("level sensor states", () => {
    const p = buildLevelSensorParams({ alarmLevelMl: 400, stopLevelMl: 200 });
    expect([levelSensorState(p, 500), levelSensorState(p, 300), levelSensorState(p, 150)]).toEqual([0, 1, 2]);
  });
  it("spec errors", () => {
    expect(problemsOf(() => buildPressureTransducerParams({ site: "aorta" }))[0]?.field).toBe(
      "pressureTransducer.site",
    );
    expect(problemsOf(() => buildTemperatureProbeParams({ site: "water", filterTauS: -1 }))[0]?.field).toBe(
      "temperatureProbe.filterTauS",
    );
    expect(problemsOf(() => buildBloodMonitorParams({}))[0]?.field).toBe("bloodMonitor.site");
    expect(problemsOf(() => buildLevelSensorParams({ alarmLevelMl: 400 }))[0]?.field).toBe(
      "levelSensor.stopLevelMl",
    );
  });
});

describe("clamps and sampling port", () => {
  it("resistance multiplier 1 → ∞; 50 % occlusion ×4 (area halved, Poiseuille R ∝ 1/A²)", () => {
    expect(clampResistanceMultiplier(0)).toBe(1);
    expect(clampResistanceMultiplier(0.5)).toBeCloseTo(4, 12);
    expect(clampResistanceMultiplier(1)).toBe(Number.POSITIVE_INFINITY);
    expect(clampOpenFraction(occlusionFromPercent(50))).toBeCloseTo(0.25, 12);
    expect(clampOpenFraction(occlusionFromPercent(150))).toBe(0);
  });
  it("the multiplier rises monotonically with partial venous occlusion 0–100 %", () => {
    let prev = 0;
    for (let pc = 0; pc <= 100; pc += 5) {
      const m = clampResistanceMultiplier(occlusionFromPercent(pc));
      expect(m).toBeGreaterThan(prev);
      prev = m;
    }
  });
  it("a sample removes its volume, plus the dead space when that is discarded", () => {
    expect(sampleVolumeRemovedMl(buildSamplingPortParams({}), 1)).toBe(1);
    expect(
      sampleVolumeRemovedMl(buildSamplingPortParams({ returnsDeadSpace: false, deadSpaceMl: 3 }), 1),
    ).toBe(4);
    expect(problemsOf(() => buildSamplingPortParams({ deadSpaceMl: 50 }))[0]?.field).toBe(
      "samplingPort.deadSpaceMl",
    );
  });
});

describe("haemoconcentrator", () => {
  const p = buildHaemoconcentratorParams({});
  it("removing 500 mL of plasma water from 2500 mL at Hct 0.24 raises it to 0.30 (cell mass conserved)", () => {
    expect(concentrate(0.24, 2500, 500)).toBeCloseTo(0.3, 12);
    expect(concentrate(8, 2500, 500)).toBeCloseTo(10, 12); // Hb 8 → 10 g/dL
  });
  it("rate is capped by the device and by a third of the plasma flow", () => {
    expect(ultrafiltrationMlPerS(p, 60, 10, 0.25)).toBeCloseTo(1, 12);
    expect(ultrafiltrationMlPerS(p, 600, 100, 0.25)).toBeCloseTo(150 / 60, 12);
    expect(ultrafiltrationMlPerS(p, 100, 4, 0.25)).toBeCloseTo(0.3 * 3, 12);
  });
  it("spec errors", () => {
    expect(problemsOf(() => buildHaemoconcentratorParams({ maxFiltrationFraction: 0.9 }))[0]?.field).toBe(
      "haemoconcentrator.maxFiltrationFraction",
    );
  });
});
