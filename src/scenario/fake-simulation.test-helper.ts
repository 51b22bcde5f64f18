// A tiny Simulation for testing the scenario runner and CLI plumbing without the physiology engine:
// one signal that is time itself, one that a "bleeding.set" action changes.
import { InputError } from "../common/errors.ts";
import type { Action, SignalSpec, Simulation } from "../sim/index.ts";

export class FakeSimulation implements Simulation {
  timeS = 0;
  fastForward = false;
  private rate = 0;
  private volume = 5000;
  private readonly queue: Action[] = [];
  readonly signals: readonly SignalSpec[] = [
    { name: "fake.time", unit: "s", description: "simulated time" },
    { name: "patient.bloodVolume", unit: "mL", description: "blood volume" },
  ];
  signalIndex(name: string): number {
    const i = this.signals.findIndex((s) => s.name === name);
    if (i < 0) throw new InputError({ field: "signal", allowed: "a known signal", received: name });
    return i;
  }
  read(i: number): number {
    return i === 0 ? this.timeS : this.volume;
  }
  schedule(a: Action): void {
    if (a.t < this.timeS)
      throw new InputError({ field: "t", allowed: `≥ ${this.timeS}`, received: String(a.t) });
    this.queue.push(a);
  }
  advance(seconds: number): void {
    const end = this.timeS + seconds;
    const dt = 0.001;
    while (this.timeS < end - 1e-12) {
      for (const a of this.queue)
        if (a.t <= this.timeS && a.type === "bleeding.set") this.rate = a.rateMlPerMin as number;
      const step = Math.min(dt, end - this.timeS);
      this.volume -= (this.rate / 60) * step;
      this.timeS += step;
    }
    this.timeS = end;
  }
}
