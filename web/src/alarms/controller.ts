/**
 * Runs the pure alarm manager on every simulation frame (simulated time), drives the sound, and
 * tells the UI when the shown alarms changed.
 */
import { AlarmManager } from "../../../src/console/alarms.ts";
import { consoleAlarms, type EcmoConfig } from "../../../src/console/ecmo.ts";
import { ALARMS as CIRCUIT_ALARMS } from "../../../src/sim/circuit/index.ts";
import type { SimClient } from "../client.ts";
import { AlarmSound } from "./sound.ts";

/** Default audio pause length for the Silence key (s); a setting (SILENCE_RANGE). */
export const SILENCE_S = 120;

export class AlarmController {
  readonly manager: AlarmManager;
  readonly sound = new AlarmSound();
  silenceS = SILENCE_S;
  private readonly listeners = new Set<() => void>();
  private signature = "";
  private readonly off: () => void;

  constructor(
    private readonly client: SimClient,
    ageYears: number,
    ecmo: EcmoConfig | null = null,
  ) {
    // Patient-monitor limit alarms, the circuit's alarm word (silent in a case without a circuit) and, on
    // ECMO, the ECMO console's alarms (src/console/ecmo.ts).
    this.manager = new AlarmManager(consoleAlarms(ageYears, ecmo, CIRCUIT_ALARMS));
    this.off = client.onFrame((f) => {
      this.manager.evaluate(f.timeS, (s) => client.read(s));
      this.sound.update(f.speed === 0 ? null : this.manager.audible(f.timeS));
      this.changed();
    });
  }

  private changed(): void {
    const sig = `${this.manager
      .active()
      .map((a) => `${a.id}:${a.status}:${a.acknowledged}:${a.message}`)
      .join("|")}#${this.manager.log.length}#${Math.ceil(this.manager.silenceRemainingS())}`;
    if (sig === this.signature) return;
    this.signature = sig;
    for (const l of this.listeners) l();
  }

  acknowledge(id?: string): void {
    this.manager.acknowledge(this.client.timeS, id);
    this.changed();
  }

  silence(): void {
    this.manager.silence(this.client.timeS, this.silenceS);
    this.changed();
  }

  setLimits(id: string, low: number | undefined, high: number | undefined): void {
    this.manager.setLimits(id, low, high, this.client.timeS);
    this.changed();
  }

  setSilenceS(s: number): void {
    this.silenceS = s;
    this.changed();
  }

  subscribe(l: () => void): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  dispose(): void {
    this.off();
    this.sound.update(null);
  }
}
