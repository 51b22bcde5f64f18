/**
 * Real-time pacing for a session: given wall-clock time deltas (from performance.now() in the worker),
 * advances the simulation by delta × speed in whole waveform samples. The simulated time owed is
 * capped at MAX_CATCH_UP_S × speed, so a slow or throttled tab skips ahead (counted in `droppedS`)
 * instead of spiralling into ever longer catch-up work. Fast-forward runs to the next event within a
 * wall-clock budget per tick, then returns to the previous speed. Pure: the caller supplies the clock.
 */
import { type SessionCore, WAVE_DT_S } from "./session.ts";

export type Speed = 0 | 1 | 2 | 5;

/** Longest wall-clock gap paid back in simulated time (s, multiplied by the speed). */
export const MAX_CATCH_UP_S = 0.25;
/** Fast-forward moves at most this much simulated time per call to the core (s). */
const FF_STEP_S = 5;

export class Pacer {
  speed: Speed = 1;
  fastForward = false;
  private resumeSpeed: Speed = 1;
  private owedS = 0;
  droppedS = 0;

  constructor(private readonly core: SessionCore) {}

  setSpeed(s: Speed): void {
    this.fastForward = false;
    this.speed = s;
  }

  /** Starts a fast-forward to the next event; false when there is none. */
  startFastForward(): boolean {
    if (!Number.isFinite(this.core.nextEventS())) return false;
    if (!this.fastForward) this.resumeSpeed = this.speed === 0 ? 1 : this.speed;
    this.fastForward = true;
    return true;
  }

  /**
   * One tick: `wallDtS` since the last tick; `now()` reads the wall clock (ms) to bound fast-forward
   * work to `budgetMs`.
   */
  tick(wallDtS: number, now: () => number, budgetMs: number): void {
    if (this.fastForward) {
      const start = now();
      let arrived = false;
      while (!arrived && now() - start < budgetMs) arrived = this.core.advanceTowardNextEvent(FF_STEP_S);
      if (arrived) {
        this.fastForward = false;
        this.speed = this.resumeSpeed;
        this.owedS = 0;
      }
      return;
    }
    if (this.speed === 0 || !(wallDtS > 0)) return;
    this.owedS += wallDtS * this.speed;
    const cap = MAX_CATCH_UP_S * this.speed;
    if (this.owedS > cap) {
      this.droppedS += this.owedS - cap;
      this.owedS = cap;
    }
    const n = Math.floor(this.owedS / WAVE_DT_S + 1e-9);
    if (n > 0) {
      this.core.advance(n * WAVE_DT_S, true);
      this.owedS -= n * WAVE_DT_S;
    }
  }
}
