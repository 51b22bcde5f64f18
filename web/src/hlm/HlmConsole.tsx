/**
 * The heart–lung machine console: modules bound to the engine's circuit signals and actions by name
 * (modules.ts), the perfusion timers, and the operator's set state (HlmTracker). Without a circuit in the
 * case, the modules say so and offer no controls (the engine would refuse circuit actions). A closed circuit
 * (ECMO) gets the ECMO console instead (web/src/ecmo/EcmoConsole.tsx), which reuses Module and Timers.
 */
import { useEffect, useMemo, useState } from "preact/hooks";
import { actionFieldRange, engineActionChoices } from "../../../src/console/fields.ts";
import { HlmTracker } from "../../../src/console/hlm.ts";
import { formatClock } from "../../../src/console/session.ts";
import type { CircuitPlan } from "../../../src/sim/index.ts";
import type { SimClient } from "../client.ts";
import { NumberField } from "../controls/NumberField.tsx";
import { useFields } from "../controls/useFields.ts";
import { useTick } from "../controls/useTick.ts";
import { formatValue } from "../display.ts";
import { type HlmContext, type HlmModule, MODULES, type ModuleControl, type Readout } from "./modules.ts";

/** The operator's set state, fed by every accepted action and every frame. */
export function useTracker(client: SimClient, plan: CircuitPlan | null): HlmTracker {
  const tracker = useMemo(
    () => new HlmTracker({ venousClamp: plan?.venousClamp ?? 1, arterialClamp: plan?.arterialClamp ?? 1 }),
    [client, plan],
  );
  useEffect(
    () =>
      client.onFrame((f) => {
        for (const e of f.events)
          if (e.action && (e.kind === "action" || e.kind === "scenario")) tracker.onAction(e.action, e.tS);
        tracker.update(f.timeS, client.read("circuit.arterialPump.flow"), client.read("patient.co"));
      }),
    [client, tracker],
  );
  return tracker;
}

export function HlmConsole({
  client,
  plan,
  bsaM2,
  tracker,
}: {
  client: SimClient;
  plan: CircuitPlan | null;
  bsaM2: number;
  /** The operator's set state (useTracker), shared with the circuit view. */
  tracker: HlmTracker;
}) {
  useTick(client, 250);
  const ctx: HlmContext = { bsaM2, ecmo: null };
  return (
    <section class="hlm" aria-label="Heart–lung machine">
      <div class="hlm-head">
        <h2>Heart–lung machine</h2>
      </div>
      <Timers client={client} tracker={tracker} />
      {plan ? null : (
        <p class="waiting" data-testid="hlm-no-circuit">
          No extracorporeal circuit in this case: start a CPB scenario (e.g. adult-cpb-cabg) to run the
          heart–lung machine.
        </p>
      )}
      <div class="modules">
        {MODULES.map((m) => (
          <Module key={m.id} m={m} client={client} plan={plan} tracker={tracker} ctx={ctx} />
        ))}
      </div>
    </section>
  );
}

export function readoutValue(r: Readout, client: SimClient, tracker: HlmTracker, ctx: HlmContext): number {
  if (r.derived) return r.derived(tracker, (s) => client.read(s), ctx);
  return r.signal ? client.read(r.signal) : Number.NaN;
}

/** A readout whose optional signal the running simulation does not expose (only known once `ready`). */
const notModelled = (r: Readout, client: SimClient) =>
  r.optional === true && r.signal !== undefined && client.ready !== null && !client.has(r.signal);

export function Module(props: {
  m: HlmModule;
  client: SimClient;
  plan: CircuitPlan | null;
  tracker: HlmTracker;
  ctx: HlmContext;
}) {
  const { m, client, plan, tracker, ctx } = props;
  const readouts = m.readouts.filter((r) => !r.show || r.show(ctx));
  const bound = plan !== null && readouts.every((r) => !r.signal || r.optional || client.has(r.signal));
  return (
    <div class={`module ${bound ? "" : "unbound"}`} data-testid={`module-${m.id}`}>
      <h3>{m.title}</h3>
      {readouts.length > 0 ? (
        <dl>
          {readouts.map((r) => {
            const v = plan ? readoutValue(r, client, tracker, ctx) : Number.NaN;
            const shown = v * (r.scale ?? 1);
            const out = (r.low !== undefined && shown < r.low) || (r.high !== undefined && shown > r.high);
            return (
              <div key={r.id} class={out ? "out" : ""}>
                <dt title={r.signal ?? "set by the console (the engine publishes no signal for it)"}>
                  {r.label}
                </dt>
                <dd>
                  <span data-testid={`hlm-${r.id}`}>
                    {notModelled(r, client)
                      ? "not modelled"
                      : r.onOff && Number.isFinite(v)
                        ? v > 0.5
                          ? (r.onOffText?.[1] ?? "on")
                          : (r.onOffText?.[0] ?? "off")
                        : formatValue(v, r.digits, r.scale)}
                  </span>{" "}
                  <small>{notModelled(r, client) ? "" : r.unit}</small>
                </dd>
              </div>
            );
          })}
        </dl>
      ) : null}
      {plan && m.controls.length > 0 ? (
        <details class="module-controls" open={m.open}>
          <summary>Controls</summary>
          {m.controls
            .filter((c) => !c.when || c.when(plan))
            .map((c) => (
              <ControlForm key={c.id} c={c} client={client} plan={plan} />
            ))}
        </details>
      ) : null}
    </div>
  );
}

/** Perfusion timers; on ECMO only the case and the run on support (pump flowing, drainage open). */
export function Timers({
  client,
  tracker,
  ecmo = false,
}: {
  client: SimClient;
  tracker: HlmTracker;
  ecmo?: boolean;
}) {
  const t = tracker.timers(client.timeS);
  const clock = (s: number | null) => (s === null ? "—" : formatClock(s));
  const run = ecmo ? "On ECMO" : "Bypass";
  const items: [string, string, string][] = [
    ["case", "Case", formatClock(client.timeS)],
    ["bypass", t.onBypass ? `${run} (on)` : run, t.bypassS > 0 ? formatClock(t.bypassS) : "—"],
  ];
  if (!ecmo)
    items.push(
      ["xclamp", "Cross-clamp", clock(t.crossClampS)],
      ["cp", "Since cardioplegia", clock(t.sinceCardioplegiaS)],
      ["arrest", "Circulatory arrest", clock(t.arrestS)],
    );
  return (
    <div class="timers">
      {items.map(([id, label, value]) => (
        <div class={`timer ${id === "bypass" && t.onBypass ? "running" : ""}`} key={id}>
          <span>{label}</span>
          <strong data-testid={`timer-${id}`}>{value}</strong>
        </div>
      ))}
    </div>
  );
}

/**
 * A control: number fields (range from the engine's schema for the action field, in shown units, narrowed
 * by the circuit where the engine narrows it), choices (the schema's enum, or on/off for booleans) and a
 * button that sends the action. A field with bad input blocks the action and shows why, with the range.
 */
export function ControlForm({ c, client, plan }: { c: ModuleControl; client: SimClient; plan: CircuitPlan }) {
  const fields = c.fields ?? [];
  const defs = Object.fromEntries(
    fields.map((f) => {
      const scale = f.scale ?? 1;
      const max = f.max?.(plan);
      return [
        f.field,
        {
          range: actionFieldRange(c.action, f.field, f.unit, {
            scale,
            ...(max === undefined ? {} : { max: max * scale }),
          }),
          initial: "",
          optional: f.optional,
        },
      ];
    }),
  );
  const form = useFields(defs);
  const choiceDefs = (c.choices ?? []).map((ch) => ({
    ...ch,
    options: ch.boolean
      ? ["on", "off"]
      : (engineActionChoices(c.action, ch.field) ?? []).filter((o) => !ch.exclude?.includes(o)),
  }));
  const [picked, setPicked] = useState<Record<string, string>>(() =>
    Object.fromEntries(choiceDefs.map((ch) => [ch.field, ch.optional ? "" : (ch.options[0] ?? "")])),
  );
  const send = () => {
    const v = form.values();
    if (!v) return;
    const action: Record<string, unknown> = { type: c.action, ...(c.extra ?? {}) };
    for (const [k, x] of Object.entries(v)) if (x !== undefined) action[k] = x;
    for (const ch of choiceDefs) {
      const p = picked[ch.field] ?? "";
      if (p === "") continue;
      action[ch.field] = ch.boolean ? p === "on" : p;
    }
    client.act(action as { type: string });
  };
  return (
    <div class={`control ${fields.length + choiceDefs.length === 0 ? "bare" : ""}`}>
      {fields.map((f) => (
        <NumberField
          key={f.field}
          label={f.label}
          testId={`hlm-${c.id}-${f.field}`}
          {...form.bind(f.field)}
        />
      ))}
      {choiceDefs.map((ch) => (
        <label class="field select" key={ch.field}>
          <span>{ch.label}</span>
          <select
            value={picked[ch.field]}
            data-testid={`hlm-${c.id}-${ch.field}`}
            onChange={(e) => {
              const value = (e.target as HTMLSelectElement).value;
              setPicked((p) => ({ ...p, [ch.field]: value }));
            }}
          >
            {ch.optional ? <option value="">(circuit default)</option> : null}
            {ch.options.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        </label>
      ))}
      <button type="button" class="btn" data-testid={`hlm-${c.id}`} onClick={send}>
        {c.label}
      </button>
    </div>
  );
}
