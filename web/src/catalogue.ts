/**
 * The default device catalogue's families that the plan → circuit mapping reads (cannulae with their
 * pressure–flow data, oxygenators, arterial filters: src/planner/to-circuit.ts CircuitCatalogue), bundled from
 * catalogue/*.yaml at build time and validated with the planner's zod schemas, as `perfuse` reads them
 * (src/io/catalogue-files.ts). Parsed on first use.
 */
import { parse } from "yaml";
import { parseOrThrow } from "../../src/common/zod.ts";
import { familySchemas } from "../../src/planner/schema.ts";
import type { CircuitCatalogue } from "../../src/planner/to-circuit.ts";

const files = import.meta.glob("../../catalogue/{cannulae,oxygenators,arterial-filters}.yaml", {
  query: "?raw",
  import: "default",
  eager: true,
}) as Record<string, string>;

const FAMILIES = {
  cannulae: "cannulae",
  oxygenators: "oxygenators",
  "arterial-filters": "arterialFilters",
} as const;

let cached: CircuitCatalogue | null = null;

export function circuitCatalogue(): CircuitCatalogue {
  if (cached) return cached;
  const out: Record<string, unknown> = {};
  for (const [family, key] of Object.entries(FAMILIES)) {
    const entry = Object.entries(files).find(([f]) => f.endsWith(`/${family}.yaml`));
    if (!entry) throw new Error(`catalogue/${family}.yaml is not bundled`);
    const schema = familySchemas[family as keyof typeof familySchemas];
    const parsed = parseOrThrow(schema, parse(entry[1], { merge: true }), `${family}.yaml:`) as {
      devices: unknown;
    };
    out[key] = parsed.devices;
  }
  cached = out as unknown as CircuitCatalogue;
  return cached;
}
