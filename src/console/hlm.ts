/**
 * What the heart–lung machine console knows beyond the engine's signals: the state the operator set
 * (clamp occlusions, interlock switches, VAVD, suckers/vent, cardioplegia doses), read from the actions
 * applied, and the perfusion timers. The engine publishes no signal for clamp occlusion or for being
 * "on bypass" and has no action that marks it, so both are derived here:
 *
 * - on bypass: the arterial pump moves blood (≥ BYPASS_MIN_FLOW) while the venous line is open
 *   (venous clamp < 100 % occluded) — the working definition of CPB time on a perfusion record;
 * - cross-clamp: from `aorticCrossClamp.set` (on/off);
 * - since cardioplegia: from the last `cardioplegia.deliver`;
 * - circulatory arrest: after bypass has started, no pump flow and no cardiac output.
 *
 * Pure (no clock, no DOM): the caller passes simulated times. Tested in test/console/hlm.test.ts.
 */
import type { Action } from "../sim/index.ts";

/** Pump flow (L/min) above which the pump counts as perfusing; a roller creeping at 0.05 L/min is not bypass. */
export const BYPASS_MIN_FLOW_L_PER_MIN = 0.1;
/** Native cardiac output (L/min) below which, with the pump stopped, the circulation counts as arrested. */
export const ARREST_MAX_CO_L_PER_MIN = 0.1;

export const INTERLOCK_NAMES = ["level", "bubble", "pressure"] as const;
export type InterlockName = (typeof INTERLOCK_NAMES)[number];

export interface HlmInitial {
  /** Initial occlusions 0–1 (the circuit description's clamps; `planCircuit`). */
  venousClamp: number;
  arterialClamp: number;
}

export interface HlmTimers {
  /** Total time on bypass (s), including the running period. */
  bypassS: number;
  onBypass: boolean;
  /** Cross-clamp time (s) since it went on, or null when off. */
  crossClampS: number | null;
  /** Total cross-clamp time so far (s). */
  crossClampTotalS: number;
  /** Time since the last cardioplegia dose started (s), or null before the first. */
  sinceCardioplegiaS: number | null;
  /** Circulatory arrest time (s) since it began, or null. */
  arrestS: number | null;
}

export class HlmTracker {
  /** Occlusion 0–1 by clamp name (`venousLine`, `arterialLine`), as last set. */
  readonly clamps: Record<string, number>;
  readonly interlocks: Record<InterlockName, boolean> = { level: true, bubble: true, pressure: true };
  vavdOn = false;
  vavdSetMmHg = -40;
  suckerMlPerMin = 0;
  ventMlPerMin = 0;
  haemoconcentratorMlPerMin = 0;
  cardioplegiaDoses = 0;
  /**
   * The pump was last set to turn (a flow or speed above zero) and not stopped since. With the engine's speed
   * signal (after interlocks) at zero, the pump is held: an interlock latch (level, bubble) or a pump failure —
   * the engine publishes no signal for its latches, so this is how the console shows one.
   */
  pumpCommanded = false;
  private bypassTotal = 0;
  private bypassSince: number | null = null;
  private crossClampSince: number | null = null;
  private crossClampTotal = 0;
  private lastCardioplegia: number | null = null;
  private everOnBypass = false;
  private arrestSince: number | null = null;
  private lastT = 0;

  constructor(initial: HlmInitial) {
    this.clamps = { venousLine: initial.venousClamp, arterialLine: initial.arterialClamp };
  }

  /** An action the engine accepted (console or scenario), at its simulated time. */
  onAction(a: Action, tS: number): void {
    const r = a as Record<string, unknown>;
    switch (a.type) {
      case "clamp.set":
        this.clamps[String(r.clamp)] = Number(r.occlusion);
        break;
      case "arterialPump.setFlow":
        this.pumpCommanded = Number(r.flowLPerMin) > 0;
        break;
      case "arterialPump.setRpm":
        this.pumpCommanded = Number(r.rpm) > 0;
        break;
      case "arterialPump.stop":
        this.pumpCommanded = false;
        break;
      case "aorticCrossClamp.set":
        if (r.on === true && this.crossClampSince === null) this.crossClampSince = tS;
        if (r.on === false && this.crossClampSince !== null) {
          this.crossClampTotal += tS - this.crossClampSince;
          this.crossClampSince = null;
        }
        break;
      case "cardioplegia.deliver":
        this.lastCardioplegia = tS;
        this.cardioplegiaDoses++;
        break;
      case "interlock.set":
        this.interlocks[r.interlock as InterlockName] = r.enabled === true;
        break;
      case "vavd.set":
        this.vavdOn = r.on === true;
        if (typeof r.pressureMmHg === "number") this.vavdSetMmHg = r.pressureMmHg;
        break;
      case "suckers.set":
        this.suckerMlPerMin = Number(r.rateMlPerMin);
        break;
      case "vent.set":
        this.ventMlPerMin = Number(r.rateMlPerMin);
        break;
      case "haemoconcentrator.set":
        this.haemoconcentratorMlPerMin = Number(r.rateMlPerMin);
        break;
    }
  }

  /** Set to turn but not turning (engine pump speed after interlocks below 1 rpm): see `pumpCommanded`. */
  pumpHeld(pumpRpm: number): boolean {
    return this.pumpCommanded && Number.isFinite(pumpRpm) && pumpRpm < 1;
  }

  /** Updates the derived states from the latest readings (call at every frame, in time order). */
  update(tS: number, pumpFlowLPerMin: number, cardiacOutputLPerMin: number): void {
    this.lastT = tS;
    const perfusing = pumpFlowLPerMin >= BYPASS_MIN_FLOW_L_PER_MIN;
    const onBypass = perfusing && (this.clamps.venousLine ?? 1) < 1;
    if (onBypass && this.bypassSince === null) {
      this.bypassSince = tS;
      this.everOnBypass = true;
    } else if (!onBypass && this.bypassSince !== null) {
      this.bypassTotal += tS - this.bypassSince;
      this.bypassSince = null;
    }
    const arrested =
      this.everOnBypass && !perfusing && Number.isFinite(cardiacOutputLPerMin)
        ? cardiacOutputLPerMin < ARREST_MAX_CO_L_PER_MIN
        : false;
    if (arrested && this.arrestSince === null) this.arrestSince = tS;
    else if (!arrested) this.arrestSince = null;
  }

  timers(tS = this.lastT): HlmTimers {
    return {
      bypassS: this.bypassTotal + (this.bypassSince === null ? 0 : tS - this.bypassSince),
      onBypass: this.bypassSince !== null,
      crossClampS: this.crossClampSince === null ? null : tS - this.crossClampSince,
      crossClampTotalS:
        this.crossClampTotal + (this.crossClampSince === null ? 0 : tS - this.crossClampSince),
      sinceCardioplegiaS: this.lastCardioplegia === null ? null : tS - this.lastCardioplegia,
      arrestS: this.arrestSince === null ? null : tS - this.arrestSince,
    };
  }
}
