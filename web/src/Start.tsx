/**
 * The start screen: choose a patient (preset or custom), a plan from the planner (`perfuse plan --json`)
 * or a scenario, and go. Every field refuses bad input with the allowed range shown.
 */
import { useState } from "preact/hooks";
import { formatProblem, InputError } from "../../src/common/errors.ts";
import { caseFromPlan, patientFromPlan } from "../../src/console/plan.ts";
import { describePatient, type SessionStart } from "../../src/console/session.ts";
import {
  type Action,
  PATIENT_LIMITS,
  PATIENT_PRESETS,
  type PatientSpec,
  patientFromPreset,
  validatePatientSpec,
} from "../../src/sim/index.ts";
import { circuitCatalogue } from "./catalogue.ts";
import { NumberField } from "./controls/NumberField.tsx";
import { useFields } from "./controls/useFields.ts";
import { Disclaimer } from "./Disclaimer.tsx";
import { SCENARIOS } from "./scenarios.ts";

type Source = "preset" | "custom" | "plan" | "scenario";

const PRESET_LABELS: Record<string, string> = {
  neonate: "Term neonate",
  infant: "Infant",
  child: "Child",
  "adult-male": "Adult man",
  "adult-female": "Adult woman",
};

const L = PATIENT_LIMITS;
const range = (r: { min: number; max: number }, unit: string, scale = 1) => ({
  min: r.min * scale,
  max: r.max * scale,
  unit,
  scale,
});

export interface StartChoice extends SessionStart {
  title: string;
  description?: string;
}

export function StartScreen({ onStart }: { onStart: (c: StartChoice) => void }) {
  const [source, setSource] = useState<Source>(SCENARIOS.length > 0 ? "scenario" : "preset");
  const [preset, setPreset] = useState<string>("adult-male");
  const [sex, setSex] = useState<"male" | "female">("male");
  const [scenario, setScenario] = useState(SCENARIOS[0]?.file ?? "");
  const [planText, setPlanText] = useState("");
  /** Run the scenario's timed actions, or only its setup at t = 0 (the user operates the rest). */
  const [timeline, setTimeline] = useState(true);
  /** A plan: run the planner's standard initiation (unticked: lines clamped, pump stopped). */
  const [initiate, setInitiate] = useState(true);
  /** A plan whose circuit the simulator cannot run: its patient alone. */
  const [patientOnly, setPatientOnly] = useState(false);
  const [error, setError] = useState("");
  const f = useFields({
    weight: { range: range(L.weightKg, "kg"), initial: "70" },
    height: { range: range(L.heightCm, "cm"), initial: "170" },
    age: { range: range(L.ageYears, "years"), initial: "50" },
    hct: { range: range(L.hct, "%", 100), initial: "", optional: true },
    seed: { range: { min: 0, max: 4294967295, unit: "", integer: true }, initial: "1" },
  });

  const go = () => {
    setError("");
    const v = f.values();
    if (!v) return;
    const seed = v.seed ?? 1;
    try {
      if (source === "scenario") {
        const s = SCENARIOS.find((x) => x.file === scenario);
        if (!s?.patient) throw new Error(s?.error ?? "choose a scenario");
        onStart({
          patient: s.patient,
          seed: s.seed,
          actions: timeline ? s.actions : s.actions.filter((a) => a.t === 0),
          name: s.name,
          title: timeline ? s.name : `${s.name} (operated by hand)`,
          description: s.description,
          ...(s.circuit === undefined ? {} : { circuit: s.circuit }),
        });
        return;
      }
      if (source === "plan" && !patientOnly) {
        const c = caseFromPlan(planText, { catalogue: circuitCatalogue(), initiate });
        onStart({
          patient: c.patient,
          seed,
          actions: c.actions,
          name: c.title,
          title: c.title,
          description: c.description,
          circuit: c.circuit,
        });
        return;
      }
      let patient: PatientSpec;
      let title: string;
      if (source === "preset") {
        patient = patientFromPreset(preset);
        title = PRESET_LABELS[preset] ?? preset;
      } else if (source === "custom") {
        patient = validatePatientSpec({
          weightKg: v.weight,
          heightCm: v.height,
          ageYears: v.age,
          sex,
          ...(v.hct === undefined ? {} : { hct: v.hct }),
        });
        title = "Custom patient";
      } else {
        patient = patientFromPlan(planText);
        title = "Patient from plan (no circuit)";
      }
      const actions: Action[] = [];
      onStart({ patient, seed, actions, title, name: title });
    } catch (e) {
      const text =
        e instanceof InputError
          ? e.problems.map(formatProblem).join("; ")
          : e instanceof Error
            ? e.message
            : String(e);
      const circuitProblem =
        source === "plan" &&
        !patientOnly &&
        e instanceof InputError &&
        !e.problems.every((q) => /^plan(\.patient)?$/.test(q.field));
      setError(
        circuitProblem ? `${text}. Tick "Patient only" to run the plan's patient without its circuit.` : text,
      );
    }
  };

  return (
    <main class="start" aria-labelledby="start-title">
      <h1 id="start-title">Perfuse — perfusion simulator</h1>
      <Disclaimer />
      <div class="start-body">
        <fieldset class="sources">
          <legend>Start from</legend>
          {(["scenario", "preset", "custom", "plan"] as const).map((s) => (
            <label key={s} class={`source ${source === s ? "on" : ""}`}>
              <input
                type="radio"
                name="source"
                value={s}
                checked={source === s}
                onChange={() => setSource(s)}
                data-testid={`source-${s}`}
              />
              {s === "scenario"
                ? "Scenario"
                : s === "preset"
                  ? "Patient preset"
                  : s === "custom"
                    ? "Custom patient"
                    : "Plan (from the planner)"}
            </label>
          ))}
        </fieldset>
        <div class="source-detail">
          {source === "scenario" ? (
            <div class="choices" role="radiogroup" aria-label="Scenarios">
              {SCENARIOS.length === 0 ? <p>No scenarios bundled (scenarios/*.yaml).</p> : null}
              {SCENARIOS.map((s) => (
                <label key={s.file} class={`choice ${scenario === s.file ? "on" : ""}`}>
                  <input
                    type="radio"
                    name="scenario"
                    value={s.file}
                    checked={scenario === s.file}
                    onChange={() => setScenario(s.file)}
                    data-testid={`scenario-${s.file}`}
                  />
                  <strong>{s.name}</strong>
                  <span>{s.error ? `Invalid: ${s.error}` : s.description}</span>
                  {s.patient ? <small>{describePatient(s.patient)}</small> : null}
                </label>
              ))}
              <label class="check">
                <input
                  type="checkbox"
                  checked={timeline}
                  onChange={(e) => setTimeline((e.target as HTMLInputElement).checked)}
                  data-testid="scenario-timeline"
                />
                Run the scenario's timed actions (unticked: only its setup at t = 0; you operate the
                heart–lung machine and give the drugs yourself)
              </label>
            </div>
          ) : null}
          {source === "preset" ? (
            <div class="choices" role="radiogroup" aria-label="Patient presets">
              {PATIENT_PRESETS.map((p) => (
                <label key={p} class={`choice ${preset === p ? "on" : ""}`}>
                  <input
                    type="radio"
                    name="preset"
                    value={p}
                    checked={preset === p}
                    onChange={() => setPreset(p)}
                    data-testid={`preset-${p}`}
                  />
                  <strong>{PRESET_LABELS[p] ?? p}</strong>
                  <small>{describePatient(patientFromPreset(p))}</small>
                </label>
              ))}
            </div>
          ) : null}
          {source === "custom" ? (
            <div class="grid-fields">
              <NumberField label="Weight" testId="weight" {...f.bind("weight")} />
              <NumberField label="Height" testId="height" {...f.bind("height")} />
              <NumberField label="Age" testId="age" {...f.bind("age")} />
              <NumberField label="Haematocrit" testId="hct" {...f.bind("hct")} />
              <label class="field select">
                <span>Sex</span>
                <select
                  value={sex}
                  onChange={(e) => setSex((e.target as HTMLSelectElement).value as "male" | "female")}
                >
                  <option value="male">male</option>
                  <option value="female">female</option>
                </select>
              </label>
            </div>
          ) : null}
          {source === "plan" ? (
            <div class="plan-input">
              <label for="plan-json">
                Paste the output of <code>perfuse plan --json …</code>: its patient runs on its planned
                circuit (cannulae, tubing, pump, oxygenator, filter, prime from the plan)
              </label>
              <textarea
                id="plan-json"
                rows={8}
                value={planText}
                onInput={(e) => setPlanText((e.target as HTMLTextAreaElement).value)}
              />
              <input
                type="file"
                accept=".json,application/json"
                aria-label="Load a plan file"
                onChange={async (e) => {
                  const file = (e.target as HTMLInputElement).files?.[0];
                  if (file) setPlanText(await file.text());
                }}
              />
              <label class="check">
                <input
                  type="checkbox"
                  checked={initiate}
                  disabled={patientOnly}
                  onChange={(e) => setInitiate((e.target as HTMLInputElement).checked)}
                  data-testid="plan-initiate"
                />
                Go on bypass with the plan's standard initiation (heparin, gas, unclamp, flow stepped to the
                target over 60 s); unticked: lines clamped, pump stopped, you operate
              </label>
              <label class="check">
                <input
                  type="checkbox"
                  checked={patientOnly}
                  onChange={(e) => setPatientOnly((e.target as HTMLInputElement).checked)}
                  data-testid="plan-patient-only"
                />
                Patient only (without the planned circuit)
              </label>
            </div>
          ) : null}
          {source !== "scenario" ? (
            <div class="grid-fields">
              <NumberField label="Seed" testId="seed" {...f.bind("seed")} />
            </div>
          ) : null}
        </div>
      </div>
      {error ? (
        <p class="error" role="alert" data-testid="start-error">
          {error}
        </p>
      ) : null}
      <button type="button" class="btn primary big" onClick={go} data-testid="start">
        Start
      </button>
      <p class="muted">
        Keyboard: Space pause/resume · 1 / 2 / 5 speed · N next event · A acknowledge · S silence · G blood
        gas · T ACT · ? help. <a href="/calculators">Calculators</a> (when served by <code>npm start</code>).
      </p>
    </main>
  );
}
