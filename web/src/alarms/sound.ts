/**
 * Alarm sounds with Web Audio, in the spirit of IEC 60601-1-8's patterns: high priority a burst of
 * 10 pulses (3 + 2, pause, 3 + 2) repeated every ~8 s, medium 3 pulses every ~15 s, low 2 pulses
 * every ~30 s; higher priorities use a higher pitch. Pulses are short sine tones with soft edges.
 */
import type { AlarmPriority } from "../../../src/console/alarms.ts";

const PATTERNS: Record<AlarmPriority, { pulses: number[]; freq: number; repeatS: number }> = {
  // pulse start times within a burst (s)
  high: { pulses: [0, 0.25, 0.5, 1.0, 1.25, 2.2, 2.45, 2.7, 3.2, 3.45], freq: 880, repeatS: 8 },
  medium: { pulses: [0, 0.3, 0.6], freq: 660, repeatS: 15 },
  low: { pulses: [0, 0.35], freq: 520, repeatS: 30 },
};
const PULSE_S = 0.15;

export class AlarmSound {
  private ctx: AudioContext | null = null;
  private nextBurstAt = 0;
  private current: AlarmPriority | null = null;
  muted = false;

  /** Call with the priority that should sound now (or null); plays bursts on schedule. */
  update(priority: AlarmPriority | null): void {
    if (priority === null || this.muted) {
      this.current = null;
      return;
    }
    const ctx = this.context();
    if (!ctx) return;
    const now = ctx.currentTime;
    if (priority !== this.current) {
      this.current = priority;
      this.nextBurstAt = now;
    }
    if (now >= this.nextBurstAt) {
      const p = PATTERNS[priority];
      for (const start of p.pulses) this.pulse(ctx, now + start, p.freq);
      this.nextBurstAt = now + p.repeatS;
    }
  }

  private context(): AudioContext | null {
    if (this.ctx) return this.ctx;
    try {
      this.ctx = new AudioContext();
    } catch {
      return null;
    }
    return this.ctx;
  }

  private pulse(ctx: AudioContext, at: number, freq: number): void {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = "sine";
    osc.frequency.value = freq;
    gain.gain.setValueAtTime(0, at);
    gain.gain.linearRampToValueAtTime(0.18, at + 0.02);
    gain.gain.setValueAtTime(0.18, at + PULSE_S - 0.03);
    gain.gain.linearRampToValueAtTime(0, at + PULSE_S);
    osc.connect(gain).connect(ctx.destination);
    osc.start(at);
    osc.stop(at + PULSE_S + 0.01);
  }
}
