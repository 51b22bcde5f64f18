/**
 * Printable pump setup sheet (A4 PDF, pdfkit): patient, targets, components with sizes, lengths and volumes,
 * prime recipe, doses, warnings and a simple drawn circuit diagram. Returns the PDF bytes; writing the file is
 * the caller's job. The creation date is fixed so the same plan gives the same bytes.
 */
import PDFDocument from "pdfkit";
import type { Plan } from "../planner/types.ts";

const WIN_ANSI_MAP: Record<string, string> = {
  Δ: "d",
  "≤": "<=",
  "≥": ">=",
  "−": "-",
  "→": "->",
  "√": "sqrt",
  "₁": "1",
  ₙ: "n",
};
export function winAnsi(s: string): string {
  return s.replace(/[Δ≤≥−→√₁ₙ]/g, (c) => WIN_ANSI_MAP[c] ?? c);
}

const FIXED_DATE = new Date(Date.UTC(2026, 0, 1));
const f1 = (v: number) => (Math.round(v * 10) / 10).toString();
const f2 = (v: number) => v.toFixed(2);
const pct = (v: number) => `${(v * 100).toFixed(1)} %`;

export function renderSetupSheet(plan: Plan): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin: 40,
    info: { Title: "Perfuse pump setup sheet", Producer: "Perfuse", CreationDate: FIXED_DATE },
  });
  // The standard PDF fonts cover WinAnsi only: map the few symbols outside it.
  const original = doc.text.bind(doc) as (...a: unknown[]) => PDFKit.PDFDocument;
  (doc as unknown as { text: (...a: unknown[]) => PDFKit.PDFDocument }).text = (
    s: unknown,
    ...rest: unknown[]
  ) => original(typeof s === "string" ? winAnsi(s) : s, ...rest);
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  const p = plan.patient;
  const left = 40;
  const width = doc.page.width - 80;

  const heading = (text: string) => {
    if (doc.y > doc.page.height - 120) doc.addPage();
    doc
      .moveDown(0.4)
      .font("Helvetica-Bold")
      .fontSize(11)
      .fillColor("#000")
      .text(text, left, doc.y, { width });
    doc
      .moveTo(left, doc.y)
      .lineTo(left + width, doc.y)
      .lineWidth(0.5)
      .strokeColor("#888")
      .stroke();
    doc.moveDown(0.2).font("Helvetica").fontSize(9);
  };
  const rows = (pairs: [string, string][], col = 170) => {
    for (const [k, v] of pairs) {
      const y = doc.y;
      doc.font("Helvetica-Bold").text(k, left, y, { width: col - 5 });
      const yk = doc.y;
      doc.font("Helvetica").text(v, left + col, y, { width: width - col });
      doc.y = Math.max(yk, doc.y);
    }
  };

  doc.font("Helvetica-Bold").fontSize(16).text("Pump setup sheet", left, 40);
  doc.font("Helvetica").fontSize(8).fillColor("#a00").text(plan.disclaimer, { width }).fillColor("#000");
  doc.fontSize(9).text(`Protocol: ${plan.protocol}`);

  heading("Patient");
  rows([
    ["Procedure", p.procedure.toUpperCase()],
    [
      "Weight / height / age",
      `${p.weightKg} kg / ${p.heightCm} cm / ${p.ageYears} years${p.sex ? ` / ${p.sex}` : ""}`,
    ],
    [
      "Haematocrit",
      `${pct(p.hct)}${p.hctAssumed ? " (ASSUMED, not measured)" : ""}${p.hbGPerDl ? `, Hb ${p.hbGPerDl} g/dL` : ""}`,
    ],
    ["BSA", `${plan.bsaM2.toFixed(2)} m² (${plan.bsaMethod})`],
    ["Estimated blood volume", `${f1(plan.bloodVolumeMl)} mL`],
    ["Planned lowest temperature", `${p.lowestTempC} °C`],
  ]);

  heading("Targets");
  rows([
    [
      "Target flow",
      `${f2(plan.targetFlowLPerMin)} L/min${plan.cardiacIndex ? ` (CI ${f2(plan.cardiacIndex)} L/min/m² at ${p.lowestTempC} °C)` : ` (${plan.flowMethod})`}`,
    ],
    ["Full flow (normothermia)", `${f2(plan.fullFlowLPerMin)} L/min`],
    ["Maximum expected flow", `${f2(plan.maxFlowLPerMin)} L/min`],
    [
      "Predicted Hct on bypass",
      `${pct(plan.predictedHct)} clear prime; ${pct(plan.predictedHctWithRbc)} with red cells`,
    ],
    ["Hct trigger / target", `${pct(plan.hctTrigger)} / ${pct(plan.targetHct)}`],
    [
      "DO2i",
      `${f1(plan.do2iAtTarget)} mL/min/m² at target flow; ${f1(plan.do2iAtFullFlow)} at full flow (Hb ${plan.hbOnBypassGPerDl} g/dL)`,
    ],
  ]);

  heading("Components");
  const o = plan.oxygenator;
  const comp: [string, string][] = [
    [
      "Oxygenator",
      `${o.manufacturer} ${o.model}: rated ${o.minFlowLPerMin}–${o.maxFlowLPerMin} L/min, prime ${o.primeMl} mL`,
    ],
    [
      "Arterial pump",
      plan.pump.type === "roller"
        ? `roller, ${plan.pump.bootSizeIn}" boot, ${plan.pump.strokeVolumeMlPerRev} mL/rev, ≤ ${plan.pump.maxRpm} rpm`
        : `centrifugal${plan.pump.model ? `, ${plan.pump.manufacturer} ${plan.pump.model} (${plan.pump.primeMl} mL)` : ""}`,
    ],
  ];
  if (plan.reservoir) {
    comp.push([
      "Venous reservoir",
      `${plan.reservoir.model}: ${plan.reservoir.capacityMl} mL, minimum level ${plan.reservoir.minOperatingLevelMl} mL`,
    ]);
  }
  comp.push([
    "Arterial filter",
    plan.arterialFilter
      ? `${plan.arterialFilter.model} (${plan.arterialFilter.primeMl} mL)`
      : o.integratedArterialFilter
        ? "integrated in the oxygenator"
        : "none",
  ]);
  for (const [name, l] of Object.entries(plan.tubing)) {
    if (!l) continue;
    comp.push([
      `${name[0]!.toUpperCase()}${name.slice(1)} line`,
      `${l.sizeIn}" × ${l.lengthCm} cm = ${f1(l.volumeMl)} mL${l.inPrime ? "" : " (not in prime)"}`,
    ]);
  }
  for (const c of plan.cannulae) {
    comp.push([
      `Cannula (${c.role}${c.site ? `, ${c.site.toUpperCase()}` : ""})`,
      c.fr === null
        ? `not sized: ${c.model}`
        : `${c.model}, ${c.fr} Fr: ΔP ${c.pressureDropMmHg?.toFixed(0)} mmHg at ${f2(c.flowLPerMin)} L/min (limit ${c.limitMmHg.toFixed(0)}, ${c.dataFluid === "water" ? "water chart scaled to blood" : "blood data"})`,
    ]);
  }
  if (plan.venousLineDropMmHg != null)
    comp.push(["Venous line drop", `${plan.venousLineDropMmHg.toFixed(1)} mmHg (Poiseuille, Hct on bypass)`]);
  if (plan.vavdMmHg > 0) comp.push(["VAVD", `about −${plan.vavdMmHg} mmHg`]);
  rows(comp);

  heading("Prime");
  rows([
    ["Total prime", `${f1(plan.primeVolumeMl)} mL`],
    ...plan.primeComponents.map((c): [string, string] => [`  ${c.name}`, `${f1(c.volumeMl)} mL`]),
  ]);
  doc.moveDown(0.2).font("Helvetica-Bold").text("Recipe", left);
  doc.font("Helvetica");
  rows(plan.primeRecipe.map((r): [string, string] => [`  ${r.name}`, `${f1(r.amount)} ${r.unit}`]));
  rows([["Red cells to add", `${f1(plan.rbcToAddMl)} mL`]]);

  heading("Doses");
  const doses: [string, string][] = [["Heparin", `${plan.heparinUnits.toLocaleString("en-US")} U`]];
  if (plan.protamineMg !== null) doses.push(["Protamine (expected)", `${f1(plan.protamineMg)} mg`]);
  if (plan.cardioplegia) {
    doses.push([
      "Cardioplegia",
      `${plan.cardioplegia.solution} ${f1(plan.cardioplegia.doseMl)} mL (${plan.cardioplegia.ratio}: blood ${f1(plan.cardioplegia.bloodMl)} mL, crystalloid ${f1(plan.cardioplegia.crystalloidMl)} mL)`,
    ]);
  }
  rows(doses);

  heading("Warnings");
  if (plan.warnings.length === 0) doc.text("None.");
  for (const w of plan.warnings) {
    doc
      .font("Helvetica-Bold")
      .text(`${w.severity === "warning" ? "WARNING" : "note"} ${w.code}: `, left, doc.y, {
        continued: true,
        width,
      });
    doc.font("Helvetica").text(`${w.message}. Why: ${w.why}. Change: ${w.change}.`, { width });
  }

  drawDiagram(doc, plan);
  doc.end();
  return done;
}

/** Patient → venous line → reservoir → pump → oxygenator → (filter) → arterial line → patient. */
function drawDiagram(doc: PDFKit.PDFDocument, plan: Plan) {
  if (doc.y > doc.page.height - 230) doc.addPage();
  doc.moveDown(0.5).font("Helvetica-Bold").fontSize(11).text("Circuit diagram", 40);
  const top = doc.y + 10;
  const box = (x: number, y: number, w: number, h: number, title: string, sub: string) => {
    doc.roundedRect(x, y, w, h, 4).lineWidth(1).strokeColor("#000").stroke();
    doc
      .font("Helvetica-Bold")
      .fontSize(8)
      .text(title, x + 3, y + 5, { width: w - 6, align: "center" });
    doc
      .font("Helvetica")
      .fontSize(7)
      .text(sub, x + 3, doc.y + 1, { width: w - 6, align: "center" });
  };
  const arrow = (x1: number, y1: number, x2: number, y2: number, color: string, label: string) => {
    doc.moveTo(x1, y1).lineTo(x2, y2).lineWidth(2).strokeColor(color).stroke();
    const a = Math.atan2(y2 - y1, x2 - x1);
    doc
      .moveTo(x2, y2)
      .lineTo(x2 - 7 * Math.cos(a - 0.4), y2 - 7 * Math.sin(a - 0.4))
      .lineTo(x2 - 7 * Math.cos(a + 0.4), y2 - 7 * Math.sin(a + 0.4))
      .fillColor(color)
      .fill();
    doc
      .fillColor("#000")
      .font("Helvetica")
      .fontSize(7)
      .text(label, Math.min(x1, x2) + 4, (y1 + y2) / 2 + 3, { width: Math.abs(x2 - x1) - 8 || 120 });
  };
  const ven = plan.tubing.venous;
  const art = plan.tubing.arterial;
  const venC = plan.cannulae.find(
    (c) => c.role === "venous" || c.role === "drainage" || c.role === "dual-lumen",
  );
  const artC = plan.cannulae.find(
    (c) => c.role === "arterial" || c.role === "return" || c.role === "dual-lumen",
  );
  const frText = (c: typeof venC) => (c?.fr ? `${c.fr} Fr` : "size from chart");
  const venousCannulae = plan.cannulae.filter((c) => c.role === "venous");
  const venText =
    venousCannulae.length > 1
      ? `${venousCannulae.map((c) => (c.fr ? `${c.fr}` : "?")).join("+")} Fr bicaval`
      : frText(venC);
  box(40, top, 90, 60, "PATIENT", `${plan.patient.weightKg} kg\nvenous ${venText}\narterial ${frText(artC)}`);
  const x2 = 200;
  if (plan.reservoir) {
    box(
      x2,
      top,
      100,
      50,
      "RESERVOIR",
      `${plan.reservoir.capacityMl} mL\nmin ${plan.reservoir.minOperatingLevelMl} mL`,
    );
  }
  box(
    x2 + 150,
    top,
    100,
    50,
    "PUMP",
    plan.pump.type === "roller" ? `roller ${plan.pump.bootSizeIn}" boot` : "centrifugal",
  );
  box(x2 + 150, top + 110, 100, 55, "OXYGENATOR", `${plan.oxygenator.model}\n${plan.oxygenator.primeMl} mL`);
  box(
    x2,
    top + 110,
    100,
    50,
    plan.arterialFilter ? "ARTERIAL FILTER" : "BUBBLE DETECTOR",
    plan.arterialFilter ? plan.arterialFilter.model : "pressure, bubble sensor",
  );
  arrow(
    130,
    top + 20,
    plan.reservoir ? x2 : x2 + 150,
    top + 20,
    "#1f4e9c",
    `venous ${ven.sizeIn}" × ${ven.lengthCm} cm`,
  );
  if (plan.reservoir) arrow(x2 + 100, top + 25, x2 + 150, top + 25, "#1f4e9c", "");
  arrow(x2 + 200, top + 50, x2 + 200, top + 110, "#b22222", "");
  arrow(x2 + 150, top + 137, x2 + 100, top + 137, "#b22222", "");
  arrow(x2, top + 135, 130, top + 50, "#b22222", `arterial ${art.sizeIn}" × ${art.lengthCm} cm`);
  doc.y = top + 180;
  doc
    .font("Helvetica")
    .fontSize(7)
    .fillColor("#555")
    .text(`Total prime ${f1(plan.primeVolumeMl)} mL. ${plan.disclaimer}`, 40, doc.y)
    .fillColor("#000");
}
