import { expect, it } from "vitest";
import { benchBlood } from "../../../bench/blood.bench.ts";

// Logs the cost per call (informative, not a timed assertion: CI machines vary).
it("logs ns/call of po2FromO2Content and solveAcidBase", () => {
  const r = benchBlood(50_000);
  console.log(
    `po2FromO2Content ${r.po2FromO2ContentNs.toFixed(0)} ns/call; solveAcidBase ${r.solveAcidBaseNs.toFixed(0)} ns/call`,
  );
  expect(r.po2FromO2ContentNs).toBeGreaterThan(0);
});
