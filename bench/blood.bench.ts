/**
 * Micro-benchmark of the blood solvers that run per compartment every slow step.
 * Run: node --import tsx bench/blood.bench.ts   (prints ns/call; no assertion)
 */
import { po2FromO2Content, solveAcidBase, tco2FromPco2 } from "../src/sim/blood/index.ts";

export function benchBlood(n = 200_000): { po2FromO2ContentNs: number; solveAcidBaseNs: number } {
  const out = new Float64Array(2);
  let sink = 0;
  // Warm up the JIT, then time a spread of contents (venous to hyperoxic).
  const contents = new Float64Array(64);
  const tco2s = new Float64Array(64);
  for (let i = 0; i < 64; i++) {
    contents[i] = 8 + (i / 63) * 16;
    tco2s[i] = tco2FromPco2(30 + i * 0.5, 0, 12, 0.9, 36);
  }
  for (let i = 0; i < 20_000; i++) {
    sink += po2FromO2Content(contents[i & 63]!, 12, 36, 7.4, 40);
    solveAcidBase(tco2s[i & 63]!, 0, 12, 0.9, 36, out);
  }
  let t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) sink += po2FromO2Content(contents[i & 63]!, 12, 36, 7.4, 40);
  const po2Ns = Number(process.hrtime.bigint() - t0) / n;
  t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) {
    solveAcidBase(tco2s[i & 63]!, 0, 12, 0.9, 36, out);
    sink += out[0]!;
  }
  const abNs = Number(process.hrtime.bigint() - t0) / n;
  if (sink === 42) console.log("");
  return { po2FromO2ContentNs: po2Ns, solveAcidBaseNs: abNs };
}

if (process.argv[1]?.endsWith("blood.bench.ts")) {
  const r = benchBlood();
  console.log(`po2FromO2Content: ${r.po2FromO2ContentNs.toFixed(0)} ns/call`);
  console.log(`solveAcidBase:    ${r.solveAcidBaseNs.toFixed(0)} ns/call`);
}
