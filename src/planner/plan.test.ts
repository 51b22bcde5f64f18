/**
 * Plans for the twelve reference patients checked against the published sizing rules the catalogue and the
 * default protocol carry: flow by BSA (CI) or weight band (reference §3.1–3.2, vectors 16–20), tubing by
 * weight band (Darling 2000 [S2], §3.2), oxygenator rated ranges from FDA 510(k) summaries (§7.1), and the
 * haemodilution mixing formula (§5, vectors 56–59) to 0.001.
 */
import { describe, expect, it } from "vitest";
import { problemsOf } from "../common/test-helpers.ts";
import { loadPlannerData } from "../io/catalogue-files.ts";
import { plan } from "./plan.ts";
import { REFERENCE_PATIENTS } from "./reference-patients.ts";
import type { Protocol } from "./schema.ts";

const { catalogue, protocol } = loadPlannerData();

// Darling & Searles 2000 via perfusioncalc (reference §3.2) [S2]: [max kg, arterial, venous]
const DARLING: [number, string, string][] = [
  [3, "3/16", "3/16"],
  [5, "3/16", "1/4"],
  [10, "1/4", "1/4"],
  [30, "1/4", "3/8"],
  [50, "3/8", "3/8"],
  [Infinity, "3/8", "1/2"],
];
// brainscape weight bands (reference §3.2) [S2]
const BANDS: [number, number][] = [
  [3, 200],
  [10, 150],
  [15, 125],
  [30, 100],
  [55, 75],
  [Infinity, 65],
];

const problems = problemsOf;

describe.each(REFERENCE_PATIENTS.map((p) => [p.label, p] as const))(
  "reference patient %s",
  (_label, patient) => {
    const p = plan(patient, protocol, catalogue);

    it("reports BSA (Mosteller) and flows by the published rule", () => {
      expect(p.bsaM2).toBeCloseTo(Math.sqrt((patient.heightCm * patient.weightKg) / 3600), 4);
      if (patient.procedure === "cpb" && patient.weightKg >= 40) {
        // CI × BSA (vectors 16, 17); 2.4 at ≥ 37 °C, 2.0 at 32 °C (Alston 2006, Cavaliere) [S]
        expect(p.fullFlowLPerMin).toBeCloseTo(2.4 * p.bsaM2, 2);
        if (patient.lowestTempC === 32) expect(p.targetFlowLPerMin).toBeCloseTo(2.0 * p.bsaM2, 2);
        expect(p.maxFlowLPerMin).toBeCloseTo(2.8 * p.bsaM2, 2);
      } else if (patient.procedure === "cpb") {
        const mlPerKg = BANDS.find(([max]) => patient.weightKg <= max)![1];
        expect(p.targetFlowLPerMin).toBeCloseTo((patient.weightKg * mlPerKg) / 1000, 3); // vectors 18–20
      } else {
        expect(p.flowMethod).toBe("ecmo-weight-band");
      }
    });

    it("sizes arterial and venous tubing by the weight band (or upsizes with a warning)", () => {
      const [, art, ven] = DARLING.find(([max]) => patient.weightKg <= max)!;
      const upsized = p.warnings.some((w) => w.code === "TUBING_UPSIZED");
      if (!upsized) {
        expect(p.tubing.arterial.sizeIn).toBe(art);
        expect(p.tubing.venous.sizeIn).toBe(ven);
      }
      for (const l of Object.values(p.tubing)) {
        if (!l) continue;
        const r = ((Number(l.sizeIn.split("/")[0]) / Number(l.sizeIn.split("/")[1])) * 2.54) / 2;
        expect(l.volumeMl).toBeCloseTo(Math.PI * r * r * l.lengthCm, 0); // reference §7.2
      }
    });

    it("chooses an oxygenator whose rated range covers the maximum flow with margin", () => {
      expect(p.oxygenator.maxFlowLPerMin).toBeGreaterThanOrEqual(p.maxFlowLPerMin * 1.05 - 1e-9);
      const dev = catalogue.oxygenators.find((o) => o.id === p.oxygenator.id)!;
      expect(dev.uses).toContain(patient.procedure === "cpb" ? "cpb" : "ecmo");
      expect(p.oxygenator.primeMl).toBe(dev.primeMl.value);
    });

    it("predicts the Hct by the mixing formula within 0.001", () => {
      const other = p.cardioplegia ? p.cardioplegia.crystalloidMl : 0;
      const expected = (p.patient.hct * p.bloodVolumeMl) / (p.bloodVolumeMl + p.primeVolumeMl + other);
      expect(Math.abs(p.predictedHct - expected)).toBeLessThanOrEqual(0.001);
      const redCells = p.patient.hct * p.bloodVolumeMl + p.rbcToAddMl * protocol.rbcHct.value;
      expect(
        Math.abs(p.predictedHctWithRbc - redCells / (p.bloodVolumeMl + p.primeVolumeMl + other)),
      ).toBeLessThanOrEqual(0.001);
      if (p.rbcToAddMl > 0) expect(p.predictedHctWithRbc).toBeCloseTo(protocol.hctTarget.value, 3);
    });

    it("adds the prime from its components", () => {
      const sum = p.primeComponents.reduce((s, c) => s + c.volumeMl, 0);
      expect(p.primeVolumeMl).toBeCloseTo(sum, 0);
      expect(p.primeComponents[0]?.volumeMl).toBe(p.oxygenator.primeMl);
    });

    it("gives heparin by weight and explains every headline number", () => {
      const perKg = patient.procedure === "cpb" ? 300 : 75;
      expect(p.heparinUnits).toBe(Math.round(patient.weightKg * perKg));
      if (patient.procedure === "cpb") expect(p.protamineMg).toBeCloseTo(p.heparinUnits / 100, 1); // 1.0 mg/100 U
      for (const key of [
        "bsaM2",
        "bloodVolumeMl",
        "targetFlowLPerMin",
        "maxFlowLPerMin",
        "primeVolumeMl",
        "predictedHct",
        "rbcToAddMl",
        "heparinUnits",
        "do2iAtTarget",
      ]) {
        const e = p.explanations[key];
        expect(e, key).toBeDefined();
        expect(e?.formula.length).toBeGreaterThan(3);
        expect(e?.source.length).toBeGreaterThan(3);
      }
    });

    it("gives each cannula with fr and model, and each warning with why and what to change", () => {
      expect(p.cannulae.length).toBeGreaterThan(0);
      for (const c of p.cannulae) {
        expect(c).toHaveProperty("fr");
        expect(c.model.length).toBeGreaterThan(0);
        if (c.fr !== null) expect(c.withinLimit).toBe(c.pressureDropMmHg! <= c.limitMmHg);
      }
      for (const w of p.warnings) {
        expect(w.code).toMatch(/^[A-Z0-9_]+$/);
        expect(w.why.length).toBeGreaterThan(5);
        expect(w.change.length).toBeGreaterThan(5);
      }
      expect(JSON.parse(JSON.stringify(p))).toEqual(p); // plain JSON
    });
  },
);

/**
 * Cannula sizes of the reference patients, with the blood-scaled drop (the simulator's law at the Hct on bypass):
 * each expected size is the smallest catalogue size within the rule, and next to it what published practice says.
 * Sources: [Wang] Wang et al., Artif Organs 2015;39:43 — Bio-Medicus arterial 8 / 10 / 12 Fr tested at 0.5 / 1.0 /
 * 1.5 L/min in simulated neonatal/paediatric CPB; [Ma] Ma et al., Zhonghua Wei Zhong Bing Ji Jiu Yi Xue
 * 2019;31:768 — infants 1.96–4.6 kg on central VA ECMO: right-atrial drainage 12–14 Fr, aortic return 6–8 Fr;
 * [PPAL] ASAIO J 2019;65:395 (PMC6488399, Table 1) — DLP 18 Fr straight or 22 Fr right-angle metal-tip venous
 * with DLP 16 Fr or EOPA 18 Fr arterial at 1.0–2.5 L/min (animal study: device–flow pairing, not weight);
 * [Noe] Noe et al., JECT 1989;21(S):67 — femoral cannulae with blood: 19 Fr Bio-Medicus arterial 5.0 L/min at a
 * 200 mmHg drop, 21 Fr DLP venous 6.5 L/min at −300 mmHg; [EOPA] Medtronic chart (reference §7.5a, vector 78);
 * [flashcards] brainscape "Cannulation Techniques" [S2]: adult two-stage sizes 29/37, 34/46, 36/46.
 * Changed from the water-chart sizing: 3.5 kg venous 12 → 14 Fr, 80 kg venous DLP 24 Fr metal tip → DLP 28 Fr metal
 * tip (sourced data win a same-size tie over the MC2 28/36 [U] trace), 80 kg mitral SVC 16 → 18 Fr.
 */
const CANNULA_SIZES: [label: string, first: number | null, second: number | null, practice: string][] = [
  ["neonate 2.5 kg CPB", 8, 12, "Wang: 8 Fr at 0.5 L/min; Ma: 12–14 Fr venous, 6–8 Fr aortic at 2–4.6 kg"],
  ["neonate 3.5 kg CPB", 8, 14, "Ma: 12–14 Fr venous, 6–8 Fr aortic; Wang: 8 Fr at 0.5 L/min (plan 0.525)"],
  [
    "infant 5 kg CPB",
    10,
    14,
    "Wang: 10 Fr at 1.0 L/min; Ma: 14 Fr at the top of 2–4.6 kg (a 5 kg case report used a 12 Fr aortic cannula rated 0.7–1.0 L/min: another family)",
  ],
  // 10 kg: no paediatric arterial chart between 12 Fr (Wang: 154 mmHg line drop at 1.5 L/min) and the adult
  // EOPA 18 Fr in the catalogue, so the planner takes EOPA 18 Fr, the pairing of [PPAL] at 1.0–2.5 L/min; a
  // clinician would use a 12–14 Fr aortic cannula (catalogue gap, not a rule error).
  ["infant 10 kg CPB", 18, 22, "PPAL: EOPA 18 Fr + 22 Fr metal-tip venous at 1.0–2.5 L/min"],
  ["child 20 kg CPB", 18, 18, "PPAL: 18 Fr venous with 16–18 Fr arterial at 1.0–2.5 L/min"],
  ["child 40 kg CPB", 18, 22, "EOPA 18 Fr chart 40 mmHg (water) at 3 L/min"],
  ["adult 70 kg CPB", 18, 24, "EOPA 18 Fr chart 70 mmHg (water) at 4 L/min"],
  [
    "adult 80 kg CPB",
    20,
    28,
    "EOPA: 76 mmHg (water) at 5 L/min; flashcards: adult two-stage 29/37 and larger",
  ],
  // 140 kg: practice uses 36/46 (flashcards); the planner's 28/36 rests on a one-point [U] trace whose blood drop
  // has no viscous term (under-stated), so the planner side is the weak one here (plan says UNVERIFIED_VALUES).
  ["adult 140 kg CPB", 22, 28, "EOPA 22 Fr chart 64 mmHg (water) at 6 L/min; flashcards: 36/46 (larger)"],
  ["neonate 3.5 kg VA ECMO", null, 8, "no catalogue neonatal drainage chart at 0.35 L/min: CANNULA_NO_DATA"],
  ["adult 80 kg VA ECMO", 21, 19, "Noe: 19 Fr arterial 5.0 L/min at 200 mmHg, 21 Fr venous 6.5 L/min"],
  ["adult 75 kg VV ECMO", 21, 18, "Noe: 21 Fr venous 6.5 L/min at −300 mmHg"],
];

describe("cannula sizes of the reference patients (blood-scaled drops)", () => {
  it.each(CANNULA_SIZES)("%s: %s / %s Fr (%s)", (label, first, second) => {
    const p = plan(REFERENCE_PATIENTS.find((r) => r.label === label)!, protocol, catalogue);
    expect(p.cannulae.map((c) => c.fr)).toEqual([first, second]);
    for (const c of p.cannulae) {
      if (c.fr === null) continue;
      expect(c.withinLimit).toBe(true);
      // The drop is the blood drop at the plan's Hct on bypass: higher than the water chart's for water data.
      const e = p.explanations[`cannulae[${p.cannulae.indexOf(c)}].pressureDropMmHg`]!;
      expect(e.inputs.hctOnBypass).toBeCloseTo(p.predictedHctWithRbc, 4);
      if (c.dataFluid === "water")
        expect(e.value).toBeGreaterThan((e.constants.dropOnDataFluidMmHg as number) - 1e-9);
    }
  });

  it("at one French size, sourced data win over an unverified [U] curve: 80 kg venous DLP 28 Fr metal tip, not MC2 28/36", () => {
    const p = plan(REFERENCE_PATIENTS.find((r) => r.label === "adult 80 kg CPB")!, protocol, catalogue);
    const venous = p.cannulae.find((c) => c.role === "venous")!;
    // Both 28 Fr devices meet the 34 mmHg budget; the MC2 one-point trace [U] has the lower (under-stated) drop.
    expect(venous.id).toBe("medtronic-dlp-metal-tip-venous-28");
    expect(p.explanations[`cannulae[${p.cannulae.indexOf(venous)}].pressureDropMmHg`]!.evidence).not.toBe(
      "U",
    );
  });

  it("80 kg mitral (bicaval): 18 Fr SVC and 22 Fr IVC metal tip (16 Fr SVC on the water chart)", () => {
    const p = plan({ ...REFERENCE_PATIENTS[7]!, surgery: "mitral" }, protocol, catalogue);
    expect(p.cannulae.filter((c) => c.role === "venous").map((c) => [c.site, c.fr])).toEqual([
      ["svc", 18],
      ["ivc", 22],
    ]);
  });
});

describe("planner rules and refusals", () => {
  it("80 kg adult at 32 °C: vectors 16/17 (Q = BSA × CI), FDA-rated oxygenator, 24,000 U heparin (vector 60)", () => {
    const p = plan(
      { weightKg: 80, heightCm: 180, ageYears: 60, hct: 0.4, procedure: "cpb", lowestTempC: 32 },
      protocol,
      catalogue,
    );
    expect(p.bsaM2).toBeCloseTo(2.0, 3);
    expect(p.targetFlowLPerMin).toBeCloseTo(4.0, 3);
    expect(p.heparinUnits).toBe(24000);
    expect(p.protamineMg).toBe(240); // vector 61
    expect(p.cardioplegia).toMatchObject({ doseMl: 1000, bloodMl: 200, crystalloidMl: 800 }); // vector 63
  });

  it("interpolates the cardiac index between protocol temperatures", () => {
    const at = (t: number) =>
      plan(
        { weightKg: 80, heightCm: 180, ageYears: 60, hct: 0.4, procedure: "cpb", lowestTempC: t },
        protocol,
        catalogue,
      );
    expect(at(34.5).cardiacIndex).toBeCloseTo(2.2, 6); // halfway between 2.0 @ 32 and 2.4 @ 37
    expect(at(26).cardiacIndex).toBeCloseTo(1.6, 6); // halfway between 1.2 @ 20 and 2.0 @ 32
  });

  it("warns when the prime is larger than the blood volume and adds red cells (neonate)", () => {
    const p = plan(REFERENCE_PATIENTS[0]!, protocol, catalogue);
    expect(p.primeVolumeMl).toBeLessThan(p.bloodVolumeMl * 1.5);
    const small = {
      ...protocol,
      tableLayouts: {
        ...protocol.tableLayouts,
        "neonatal-mast": { ...protocol.tableLayouts["neonatal-mast"]!, arterialCm: 400, venousCm: 400 },
      },
    };
    const q = plan(REFERENCE_PATIENTS[0]!, small as Protocol, catalogue);
    expect(q.warnings.map((w) => w.code)).toEqual(
      expect.arrayContaining(["PRIME_EXCEEDS_BLOOD_VOLUME", "HCT_BELOW_TRIGGER"]),
    );
    expect(q.rbcToAddMl).toBeGreaterThan(0);
  });

  it("warns about a high cannula pressure drop with what to change", () => {
    // Only small cannulae allowed (18 Fr femoral venous, 15 Fr femoral arterial) for 4.8 L/min.
    const small: Protocol = {
      ...protocol,
      preferredDevices: { cannulae: ["medtronic-biomedicus-fv-18", "medtronic-biomedicus-nextgen-fa-15"] },
    };
    const p = plan(
      { weightKg: 80, heightCm: 180, ageYears: 50, hct: 0.35, procedure: "va-ecmo" },
      small,
      catalogue,
    );
    const w = p.warnings.find((x) => x.code === "CANNULA_HIGH_PRESSURE_DROP");
    expect(w?.change).toMatch(/larger cannula/);
  });

  it("warns when the target flow is below the oxygenator's rated minimum", () => {
    const only: Protocol = {
      ...protocol,
      preferredDevices: { oxygenators: ["medos-hilite-7000"] }, // rated 1.0–7.0 L/min (K133261) [S]
      cardiacIndexByTemperature: [
        ...protocol.cardiacIndexByTemperature,
        { tempC: 15, cardiacIndex: 0.6, source: "test", evidence: "U" },
      ],
    };
    const p = plan(
      { weightKg: 45, heightCm: 150, ageYears: 14, hct: 0.4, procedure: "cpb", lowestTempC: 15 },
      only,
      catalogue,
    );
    expect(p.targetFlowLPerMin).toBeLessThan(1.0);
    expect(p.warnings.map((w) => w.code)).toContain("OXYGENATOR_BELOW_MIN_FLOW");
  });

  it("warns when the DO2i is below 280 at full flow", () => {
    const lowTarget = { ...protocol, hctTarget: { ...protocol.hctTarget, value: 0.2 } };
    const p = plan(
      { weightKg: 70, heightCm: 170, ageYears: 60, hct: 0.24, procedure: "cpb" },
      lowTarget,
      catalogue,
    );
    expect(p.do2iAtFullFlow).toBeLessThan(280);
    expect(p.warnings.find((w) => w.code === "DO2I_LOW")?.severity).toBe("warning");
  });

  it("refuses when no oxygenator covers the flow, saying what to change", () => {
    const big = { ...protocol, maxCardiacIndex: { ...protocol.maxCardiacIndex, value: 4.0 } };
    const p = problems(() =>
      plan({ weightKg: 120, heightCm: 190, ageYears: 40, procedure: "cpb" }, big, catalogue),
    );
    expect(p[0]?.field).toBe("maxFlowLPerMin");
    expect(p[0]?.allowed).toMatch(/largest rated 8 L\/min/);
    expect(p[0]?.allowed).toMatch(/add a larger oxygenator/);
  });

  it.each([
    [{ weightKg: 2, heightCm: 45, ageYears: 0, procedure: "cpb" }, "weightKg", /≥ 2.5 and ≤ 140 kg/],
    [{ weightKg: 150, heightCm: 180, ageYears: 40, procedure: "cpb" }, "weightKg", /supported range/],
    [{ weightKg: 70, heightCm: 170, ageYears: 40, procedure: "ecmo" }, "procedure", /cpb, va-ecmo, vv-ecmo/],
    [{ weightKg: 70, heightCm: 170, ageYears: 40, procedure: "cpb", hct: 40 }, "hct", /fraction/],
    [{ weightKg: 70, heightCm: 170, ageYears: 40, procedure: "cpb", lowestTempC: 5 }, "lowestTempC", /°C/],
  ])("refuses %o naming %s", (input, field, allowed) => {
    const p = problems(() => plan(input as never, protocol, catalogue));
    expect(p[0]?.field).toBe(field);
    expect(p[0]?.allowed).toMatch(allowed);
  });

  it("refuses a protocol preferring an unknown device", () => {
    const bad = { ...protocol, preferredDevices: { oxygenators: ["quadrox-adlt"] } };
    const p = problems(() => plan(REFERENCE_PATIENTS[6]!, bad, catalogue));
    expect(p[0]?.allowed).toMatch(/closest: .*quadrox/);
  });

  it("is deterministic", () => {
    expect(plan(REFERENCE_PATIENTS[7]!, protocol, catalogue)).toEqual(
      plan(REFERENCE_PATIENTS[7]!, protocol, catalogue),
    );
  });
});
