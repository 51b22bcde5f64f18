/**
 * The ECMO console, for a case whose circuit is closed (no reservoir): the centrifugal pump panel (speed and
 * flow in large digits, a speed knob with −/+ steps and the + / − keys, set speed, hold flow, stop), then the
 * circuit pressures, sweep gas, blood monitor, line clamps, heater, safety and instructor modules
 * (modules.ts). The configuration (VA or VV) comes from where the return cannula sits
 * (src/console/ecmo.ts).
 */
import { useState } from "preact/hooks";
import { type EcmoConfig, RPM_STEP, stepRpm } from "../../../src/console/ecmo.ts";
import type { HlmTracker } from "../../../src/console/hlm.ts";
import type { CircuitPlan } from "../../../src/sim/index.ts";
import type { SimClient } from "../client.ts";
import { useTick } from "../controls/useTick.ts";
import { formatValue } from "../display.ts";
import { ControlForm, Module, Timers } from "../hlm/HlmConsole.tsx";
import type { HlmContext } from "../hlm/modules.ts";
import { ECMO_MODULES, ecmoPump } from "./modules.ts";

const CONFIG_TEXT: Record<EcmoConfig, string> = {
  VA: "VA — veno-arterial",
  VV: "VV — veno-venous",
  other: "closed circuit",
};

export function EcmoConsole({
  client,
  plan,
  config,
  bsaM2,
  tracker,
}: {
  client: SimClient;
  plan: CircuitPlan;
  config: EcmoConfig;
  bsaM2: number;
  /** The operator's set state (useTracker), shared with the circuit view. */
  tracker: HlmTracker;
}) {
  useTick(client, 250);
  const ctx: HlmContext = { bsaM2, ecmo: config };
  return (
    <section class="hlm ecmo" aria-label="ECMO console">
      <div class="hlm-head">
        <h2>
          ECMO console{" "}
          <span class="ecmo-config" data-testid="ecmo-config">
            {CONFIG_TEXT[config]}
          </span>
        </h2>
      </div>
      <Timers client={client} tracker={tracker} ecmo />
      <PumpPanel client={client} plan={plan} bsaM2={bsaM2} />
      <div class="modules">
        {ECMO_MODULES.map((m) => (
          <Module key={m.id} m={m} client={client} plan={plan} tracker={tracker} ctx={ctx} />
        ))}
      </div>
    </section>
  );
}

/**
 * The last speed sent by a step and the simulated time then: presses quicker than the next frame (or while
 * paused) step from what was sent, not from the speed the last frame showed.
 */
const lastStep = new WeakMap<SimClient, { rpm: number; timeS: number }>();
/** Simulated time after which the pump's reported speed is trusted again (s): a few frames at 1×. */
const STEP_HOLD_S = 0.5;

/** Sends the pump speed one knob step up or down from the current speed (the + / − keys and buttons). */
export function stepPump(client: SimClient, plan: CircuitPlan, delta: number): void {
  const last = lastStep.get(client);
  const from = last && client.timeS - last.timeS < STEP_HOLD_S ? last.rpm : client.read("ecmo.rpm");
  const rpm = stepRpm(from, delta, plan.pump.params.maxRpm);
  lastStep.set(client, { rpm, timeS: client.timeS });
  client.act({ type: "arterialPump.setRpm", rpm });
}

function PumpPanel({ client, plan, bsaM2 }: { client: SimClient; plan: CircuitPlan; bsaM2: number }) {
  const maxRpm = plan.pump.params.maxRpm;
  const rpm = client.read("ecmo.rpm");
  const flow = client.read("ecmo.flow");
  /** The knob's position while the user turns it (sent on release), else the pump's speed. */
  const [turning, setTurning] = useState<number | null>(null);
  const knob = turning ?? (Number.isFinite(rpm) ? rpm : 0);
  return (
    <div class="module pump-panel" data-testid={`module-${ecmoPump.id}`}>
      <h3>{ecmoPump.title}</h3>
      <div class="pump-digits">
        <div class="pump-digit">
          <span class="pump-value" data-testid="hlm-ecmo-rpm">
            {formatValue(rpm, 0)}
          </span>
          <small class="pump-unit">rpm</small>
        </div>
        <div class={`pump-digit flow ${flow < 0 ? "out" : ""}`}>
          <span class="pump-value" data-testid="hlm-ecmo-flow">
            {formatValue(flow, 2)}
          </span>
          <small class="pump-unit">L/min</small>
        </div>
        <div class="pump-digit">
          <span class="pump-value index" data-testid="hlm-ecmo-flow-index">
            {formatValue(flow / bsaM2, 2)}
          </span>
          <small class="pump-unit">L/min/m²</small>
        </div>
      </div>
      <div class="knob-row">
        <button
          type="button"
          class="btn"
          data-testid="rpm-down"
          title={`−${RPM_STEP} rpm (−)`}
          onClick={() => stepPump(client, plan, -RPM_STEP)}
        >
          − {RPM_STEP}
        </button>
        <label class="knob">
          <span>
            Speed knob <strong data-testid="knob-value">{Math.round(knob)}</strong> rpm (0–{maxRpm})
          </span>
          <input
            type="range"
            min={0}
            max={maxRpm}
            step={50}
            value={knob}
            data-testid="rpm-knob"
            aria-valuetext={`${Math.round(knob)} rpm`}
            onInput={(e) => setTurning(Number((e.target as HTMLInputElement).value))}
            onChange={(e) => {
              const v = Number((e.target as HTMLInputElement).value);
              setTurning(null);
              lastStep.set(client, { rpm: v, timeS: client.timeS });
              client.act({ type: "arterialPump.setRpm", rpm: v });
            }}
          />
        </label>
        <button
          type="button"
          class="btn"
          data-testid="rpm-up"
          title={`+${RPM_STEP} rpm (+)`}
          onClick={() => stepPump(client, plan, RPM_STEP)}
        >
          + {RPM_STEP}
        </button>
      </div>
      <div class="pump-controls">
        {ecmoPump.controls.map((c) => (
          <ControlForm key={c.id} c={c} client={client} plan={plan} />
        ))}
      </div>
    </div>
  );
}
