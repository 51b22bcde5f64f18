/**
 * Interventions: drugs (bolus / infusion), fluids and blood products, defibrillation, ventilator, and
 * an instructor section (rhythm, bleeding) for practice. Every field's range comes from the engine.
 */
import { useState } from "preact/hooks";
import { actionFieldRange } from "../../../src/console/fields.ts";
import { DRUG_UNITS } from "../../../src/console/session.ts";
import { DRUG_NAMES, FLUIDS, RHYTHMS } from "../../../src/sim/index.ts";
import type { SimClient } from "../client.ts";
import { NumberField } from "./NumberField.tsx";
import { useFields } from "./useFields.ts";

const FLUID_LABELS: Record<string, string> = {
  crystalloid: "Crystalloid (balanced)",
  albumin: "Albumin 5 %",
  packedRedCells: "Packed red cells",
  plasma: "Plasma (FFP)",
};

function Select(props: {
  label: string;
  value: string;
  options: readonly string[];
  labels?: Record<string, string>;
  onChange: (v: string) => void;
  testId?: string;
}) {
  return (
    <label class="field select">
      <span>{props.label}</span>
      <select
        value={props.value}
        data-testid={props.testId}
        onChange={(e) => props.onChange((e.target as HTMLSelectElement).value)}
      >
        {props.options.map((o) => (
          <option key={o} value={o}>
            {props.labels?.[o] ?? o}
          </option>
        ))}
      </select>
    </label>
  );
}

export function Drugs({ client }: { client: SimClient }) {
  const [drug, setDrug] = useState<string>(DRUG_NAMES[0]);
  const unit = DRUG_UNITS[drug] ?? "";
  const f = useFields({
    bolus: { range: actionFieldRange("drug.bolus", "amount", unit), initial: "" },
    rate: { range: actionFieldRange("drug.infusion", "ratePerMin", `${unit}/min`), initial: "" },
  });
  return (
    <div class="panel-body">
      <Select label="Drug" value={drug} options={DRUG_NAMES} onChange={setDrug} testId="drug" />
      <div class="row">
        <NumberField label="Bolus" testId="drug-bolus" {...f.bind("bolus")} />
        <button
          type="button"
          class="btn primary"
          data-testid="give-bolus"
          onClick={() => {
            const v = f.values(["bolus"]);
            if (v?.bolus !== undefined) client.act({ type: "drug.bolus", drug, amount: v.bolus });
          }}
        >
          Give bolus
        </button>
      </div>
      <div class="row">
        <NumberField label="Infusion" testId="drug-rate" {...f.bind("rate")} />
        <button
          type="button"
          class="btn"
          onClick={() => {
            const v = f.values(["rate"]);
            if (v?.rate !== undefined) client.act({ type: "drug.infusion", drug, ratePerMin: v.rate });
          }}
        >
          Set rate (0 stops)
        </button>
      </div>
    </div>
  );
}

export function Fluids({ client }: { client: SimClient }) {
  const [fluid, setFluid] = useState<string>(FLUIDS[0]);
  const f = useFields({
    volume: { range: actionFieldRange("fluid.give", "volumeMl", "mL"), initial: "250" },
    over: { range: actionFieldRange("fluid.give", "overSeconds", "s"), initial: "120" },
  });
  return (
    <div class="panel-body">
      <Select
        label="Fluid / product"
        value={fluid}
        options={FLUIDS}
        labels={FLUID_LABELS}
        onChange={setFluid}
        testId="fluid"
      />
      <div class="row">
        <NumberField label="Volume" testId="fluid-volume" {...f.bind("volume")} />
        <NumberField label="Over" testId="fluid-over" {...f.bind("over")} />
      </div>
      <button
        type="button"
        class="btn primary"
        data-testid="give-fluid"
        onClick={() => {
          const v = f.values();
          if (v?.volume !== undefined)
            client.act({ type: "fluid.give", fluid, volumeMl: v.volume, overSeconds: v.over });
        }}
      >
        Give
      </button>
    </div>
  );
}

export function Ventilator({ client, weightKg }: { client: SimClient; weightKg: number }) {
  const [mode, setMode] = useState("controlled");
  const f = useFields({
    fio2: { range: actionFieldRange("ventilator.set", "fio2", "%", { scale: 100 }), initial: "50" },
    rate: {
      range: actionFieldRange("ventilator.set", "rateBpm", "/min"),
      initial: weightKg < 10 ? "30" : "12",
    },
    vt: {
      range: actionFieldRange("ventilator.set", "tidalVolumeMl", "mL"),
      initial: String(Math.round(weightKg * 6)),
    },
    peep: { range: actionFieldRange("ventilator.set", "peepCmH2O", "cmH₂O"), initial: "5" },
  });
  return (
    <div class="panel-body">
      <Select
        label="Mode"
        value={mode}
        options={["controlled", "spontaneous", "off"]}
        onChange={setMode}
        testId="vent-mode"
      />
      <div class="row">
        <NumberField label="FiO₂" testId="vent-fio2" {...f.bind("fio2")} />
        <NumberField label="Rate" testId="vent-rate" {...f.bind("rate")} />
      </div>
      <div class="row">
        <NumberField label="Tidal volume" testId="vent-vt" {...f.bind("vt")} />
        <NumberField label="PEEP" testId="vent-peep" {...f.bind("peep")} />
      </div>
      <div class="row">
        <button
          type="button"
          class="btn primary"
          data-testid="vent-apply"
          onClick={() => {
            const v = f.values();
            if (v)
              client.act({
                type: "ventilator.set",
                mode,
                fio2: v.fio2,
                rateBpm: v.rate,
                tidalVolumeMl: v.vt,
                peepCmH2O: v.peep,
              });
          }}
        >
          Apply
        </button>
        <button type="button" class="btn" onClick={() => client.act({ type: "ventilator.set", mode: "off" })}>
          Ventilator off
        </button>
      </div>
    </div>
  );
}

/** External defibrillation: 4 J/kg for children (AHA PALS 2020 subsequent shocks), 200 J biphasic adult. */
export function Defibrillator({ client, weightKg }: { client: SimClient; weightKg: number }) {
  const suggested = weightKg < 50 ? Math.min(200, Math.round(weightKg * 4)) : 200;
  const f = useFields({
    energy: {
      range: actionFieldRange("heart.defibrillate", "energyJ", "J", { max: 360, integer: true }),
      initial: String(suggested),
    },
  });
  return (
    <div class="panel-body">
      <div class="row">
        <NumberField label="Energy" testId="defib-energy" {...f.bind("energy")} />
        <button
          type="button"
          class="btn danger"
          data-testid="defib-shock"
          onClick={() => {
            const v = f.values();
            if (v?.energy !== undefined) client.act({ type: "heart.defibrillate", energyJ: v.energy });
          }}
        >
          ⚡ Shock
        </button>
      </div>
    </div>
  );
}

/** Instructor controls for solo practice: rhythm and bleeding (issue 8 moves these to the instructor station). */
export function Instructor({ client }: { client: SimClient }) {
  const f = useFields({
    bleed: { range: actionFieldRange("bleeding.set", "rateMlPerMin", "mL/min"), initial: "0" },
  });
  return (
    <div class="panel-body">
      <div class="row">
        {RHYTHMS.map((r) => (
          <button
            key={r}
            type="button"
            class="btn"
            data-testid={`rhythm-${r}`}
            onClick={() => client.act({ type: "heart.setRhythm", rhythm: r })}
          >
            {r === "vf" ? "VF" : r[0]!.toUpperCase() + r.slice(1)}
          </button>
        ))}
      </div>
      <div class="row">
        <NumberField label="Bleeding" testId="bleed-rate" {...f.bind("bleed")} />
        <button
          type="button"
          class="btn"
          onClick={() => {
            const v = f.values();
            if (v?.bleed !== undefined) client.act({ type: "bleeding.set", rateMlPerMin: v.bleed });
          }}
        >
          Set
        </button>
      </div>
    </div>
  );
}
