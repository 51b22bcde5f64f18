/**
 * The heart–lung machine (or ECMO) console: modules bound to circuit signals and actions by name
 * (modules.ts). Modules whose signals the engine does not have yet show as waiting for the circuit.
 */
import { useState } from "preact/hooks";
import { actionFieldRange } from "../../../src/console/fields.ts";
import { formatClock } from "../../../src/console/session.ts";
import { ACTION_TYPES } from "../../../src/sim/index.ts";
import type { SimClient } from "../client.ts";
import { NumberField } from "../controls/NumberField.tsx";
import { useFields } from "../controls/useFields.ts";
import { useTick } from "../controls/useTick.ts";
import { formatValue } from "../display.ts";
import { type ConsoleMode, type HlmModule, MODULES, type ModuleControl, TIMERS } from "./modules.ts";

const KNOWN_ACTIONS = new Set<string>(ACTION_TYPES);

export function HlmConsole({ client }: { client: SimClient }) {
  const [mode, setMode] = useState<ConsoleMode>("cpb");
  useTick(client, 250);
  return (
    <section class="hlm" aria-label={mode === "cpb" ? "Heart–lung machine" : "ECMO console"}>
      <div class="hlm-head">
        <h2>{mode === "cpb" ? "Heart–lung machine" : "ECMO console"}</h2>
        <fieldset class="seg" aria-label="Console mode">
          <button
            type="button"
            class={`btn ${mode === "cpb" ? "on" : ""}`}
            aria-pressed={mode === "cpb"}
            onClick={() => setMode("cpb")}
          >
            CPB
          </button>
          <button
            type="button"
            class={`btn ${mode === "ecmo" ? "on" : ""}`}
            aria-pressed={mode === "ecmo"}
            onClick={() => setMode("ecmo")}
          >
            ECMO
          </button>
        </fieldset>
      </div>
      <Timers client={client} />
      <div class="modules">
        {MODULES[mode].map((m) => (
          <Module key={m.id} m={m} client={client} />
        ))}
      </div>
    </section>
  );
}

function Module({ m, client }: { m: HlmModule; client: SimClient }) {
  const bound = m.readouts.some((r) => client.has(r.signal));
  return (
    <div class={`module ${bound ? "" : "unbound"}`} data-testid={`module-${m.id}`}>
      <h3>{m.title}</h3>
      <dl>
        {m.readouts.map((r) => (
          <div key={r.signal}>
            <dt>{r.label}</dt>
            <dd>
              {formatValue(client.read(r.signal), r.digits, r.scale)} <small>{r.unit}</small>
            </dd>
          </div>
        ))}
      </dl>
      {m.controls.length > 0 ? (
        <div class="module-controls">
          {m.controls.map((c) =>
            KNOWN_ACTIONS.has(c.action) ? (
              <ControlForm key={`${c.action}.${c.field}`} c={c} client={client} />
            ) : (
              <button
                key={`${c.action}.${c.field}`}
                type="button"
                class="btn"
                disabled
                title={`needs the action ${c.action}`}
              >
                {c.label}
              </button>
            ),
          )}
        </div>
      ) : null}
      {bound ? null : <p class="waiting">Waiting for the circuit model (issue 4): {m.note}.</p>}
    </div>
  );
}

function Timers({ client }: { client: SimClient }) {
  const running = new Map<string, number | null>();
  for (const e of client.events) {
    const type = e.action?.type;
    if (!type) continue;
    for (const t of TIMERS) {
      if (t.start.includes(type)) running.set(t.id, e.tS);
      if (t.stop.includes(type)) running.set(t.id, null);
    }
  }
  return (
    <div class="timers">
      <div class="timer">
        <span>Case</span>
        <strong data-testid="timer-case">{formatClock(client.timeS)}</strong>
      </div>
      {TIMERS.map((t) => {
        const since = running.get(t.id);
        return (
          <div class="timer" key={t.id}>
            <span>{t.label}</span>
            <strong>{since === undefined || since === null ? "—" : formatClock(client.timeS - since)}</strong>
          </div>
        );
      })}
    </div>
  );
}

/**
 * A control whose action type the engine knows: a number field with the range from the engine's schema
 * (in shown units) and a Set button that sends the action.
 */
function ControlForm({ c, client }: { c: ModuleControl; client: SimClient }) {
  const f = useFields({
    v: { range: actionFieldRange(c.action, c.field, c.unit, { scale: c.scale ?? 1 }), initial: "" },
  });
  return (
    <div class="row">
      <NumberField label={c.label} {...f.bind("v")} />
      <button
        type="button"
        class="btn"
        onClick={() => {
          const v = f.values(["v"]);
          if (v?.v !== undefined) client.act({ type: c.action, ...(c.extra ?? {}), [c.field]: v.v });
        }}
      >
        Set
      </button>
    </div>
  );
}
