/**
 * Air as a quantity (µL) carried with the blood, the arterial line filter and the bubble detector.
 *
 * Transport: air in a well-mixed segment leaves with the outflow in proportion Q·dt/V (the same volume-fraction
 * rule the engine uses for solutes). Entry at faults: an empty reservoir (reservoirAirFraction × outflow), an open
 * port on a sub-atmospheric line (`openPortAirInflowUlPerS`: a conductance × (0 − P)), or venous air injected by
 * the instructor. Air is represented by its volume and one representative bubble diameter per stream.
 *
 * Arterial line filter: screens bubbles larger than its pore size (20–40 µm screens are usual; model parameter),
 * capturing `captureFraction` of that air; smaller bubbles pass with `smallBubbleCaptureFraction`. Blood-side
 * pressure drop ΔP = k·Q from one rated point.
 * Bubble detector (ultrasonic, clamp-on): fires when the air passing it in one step reaches `thresholdUl`.
 */
import { z } from "zod";
import { lPerMinToMlPerS, parseSpec } from "./units.ts";

export const arterialFilterSpecSchema = z
  .object({
    poreSizeUm: z.number().min(5).max(200).default(40),
    captureFraction: z.number().min(0).max(1).default(0.99),
    smallBubbleCaptureFraction: z.number().min(0).max(1).default(0),
    /** Rated pressure drop at a flow (IFU), mmHg at L/min: default 25 mmHg at 5 L/min [U]. */
    pressureDropMmHg: z.number().gt(0).max(200).default(25),
    atFlowLPerMin: z.number().gt(0).max(10).default(5),
    primeMl: z.number().min(0).max(500).optional(),
  })
  .strict();
export type ArterialFilterSpec = z.input<typeof arterialFilterSpecSchema>;

export interface ArterialFilterParams {
  readonly poreSizeUm: number;
  readonly captureFraction: number;
  readonly smallBubbleCaptureFraction: number;
  /** mmHg per mL/s. */
  readonly resistance: number;
}

export function buildArterialFilterParams(spec: unknown, root = "arterialFilter"): ArterialFilterParams {
  const s = parseSpec(arterialFilterSpecSchema, spec, root);
  return {
    poreSizeUm: s.poreSizeUm,
    captureFraction: s.captureFraction,
    smallBubbleCaptureFraction: s.smallBubbleCaptureFraction,
    resistance: s.pressureDropMmHg / lPerMinToMlPerS(s.atFlowLPerMin),
  };
}

/** Air (µL) that passes the filter out of `airUl` arriving as bubbles of `bubbleDiameterUm`. */
export function filterAirPassedUl(p: ArterialFilterParams, airUl: number, bubbleDiameterUm: number): number {
  const capture = bubbleDiameterUm > p.poreSizeUm ? p.captureFraction : p.smallBubbleCaptureFraction;
  return airUl * (1 - capture);
}

/** Filter pressure drop, mmHg (signed with the flow). */
export function filterPressureDropMmHg(p: ArterialFilterParams, flowMlPerS: number): number {
  return p.resistance * flowMlPerS;
}

export const bubbleDetectorSpecSchema = z
  .object({
    /** Air volume per step that trips the detector, µL (model setting). */
    thresholdUl: z.number().gt(0).max(1000).default(5),
  })
  .strict();
export type BubbleDetectorSpec = z.input<typeof bubbleDetectorSpecSchema>;

export interface BubbleDetectorParams {
  readonly thresholdUl: number;
}

export function buildBubbleDetectorParams(spec: unknown, root = "bubbleDetector"): BubbleDetectorParams {
  return parseSpec(bubbleDetectorSpecSchema, spec, root);
}

/** True when the air passing in this step reaches the threshold. */
export function bubbleDetected(p: BubbleDetectorParams, airUlThisStep: number): boolean {
  return airUlThisStep >= p.thresholdUl;
}

/** Air (µL) leaving a well-mixed segment of `volumeMl` holding `airUl` with outflow Q over dt. */
export function airCarriedUl(airUl: number, volumeMl: number, outflowMlPerS: number, dtS: number): number {
  if (!(airUl > 0) || !(outflowMlPerS > 0)) return 0;
  const f = volumeMl > 0 ? (outflowMlPerS * dtS) / volumeMl : 1;
  return airUl * Math.min(f, 1);
}

/** Air entering an open port, µL/s: conductance (µL/s per mmHg) × suction below atmosphere; none above it. */
export function openPortAirInflowUlPerS(conductanceUlPerSPerMmHg: number, linePressureMmHg: number): number {
  return linePressureMmHg < 0 ? -conductanceUlPerSPerMmHg * linePressureMmHg : 0;
}

/** Air pumped out of a vortexing reservoir, µL/s: air fraction × outlet flow (mL/s → µL/s). */
export function reservoirAirOutflowUlPerS(airFraction: number, outletFlowMlPerS: number): number {
  return outletFlowMlPerS > 0 ? airFraction * outletFlowMlPerS * 1000 : 0;
}
