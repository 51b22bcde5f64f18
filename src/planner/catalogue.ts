/**
 * Pure helpers over a parsed catalogue and protocol: merging an institution's additions over the defaults,
 * and checking that every device a protocol names exists (refusing with close names when it does not).
 */
import { InputError } from "../common/errors.ts";
import type { Catalogue, Protocol, ProtocolOverride } from "./schema.ts";

type DeviceList = { id: string }[];

/** Devices in `extra` are added; a device with an id already present replaces it. */
function mergeById<T extends { id: string }>(base: T[], extra: T[] | undefined): T[] {
  if (!extra || extra.length === 0) return base;
  const out = base.filter((d) => !extra.some((e) => e.id === d.id));
  return [...out, ...extra];
}

/** An institution's catalogue files: any families, each a list of extra or replacing devices. */
export type CatalogueAdditions = Partial<Catalogue>;

export function mergeCatalogues(base: Catalogue, extra: CatalogueAdditions): Catalogue {
  return {
    oxygenators: mergeById(base.oxygenators, extra.oxygenators),
    cannulae: mergeById(base.cannulae, extra.cannulae),
    tubing: extra.tubing
      ? [...base.tubing.filter((t) => !extra.tubing?.some((e) => e.sizeIn === t.sizeIn)), ...extra.tubing]
      : base.tubing,
    rollerBoots: extra.rollerBoots ?? base.rollerBoots,
    centrifugalPumps: mergeById(base.centrifugalPumps, extra.centrifugalPumps),
    reservoirs: mergeById(base.reservoirs, extra.reservoirs),
    arterialFilters: mergeById(base.arterialFilters, extra.arterialFilters),
    haemoconcentrators: mergeById(base.haemoconcentrators, extra.haemoconcentrators),
    cardioplegiaSets: mergeById(base.cardioplegiaSets, extra.cardioplegiaSets),
    ecmoPacks: mergeById(base.ecmoPacks, extra.ecmoPacks),
  };
}

/** Top-level keys replace the default's; nested objects (heparin, cardioplegia, do2i …) merge one level. */
export function mergeProtocol(base: Protocol, override: ProtocolOverride): Protocol {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    if (value === undefined) continue;
    const prev = out[key];
    const isPlain = (v: unknown) => typeof v === "object" && v !== null && !Array.isArray(v);
    out[key] =
      isPlain(prev) && isPlain(value) && !("value" in (value as object))
        ? { ...(prev as object), ...(value as object) }
        : value;
  }
  return out as Protocol;
}

/** Levenshtein distance, for "did you mean" suggestions. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j]!;
      row[j] = Math.min(up + 1, row[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return row[b.length]!;
}

/** Up to three known ids closest to `wanted` (shared substrings count as close). */
export function closeNames(wanted: string, known: readonly string[]): string[] {
  const w = wanted.toLowerCase();
  return [...known]
    .map((k) => ({ k, d: k.includes(w) || w.includes(k) ? 0 : distance(w, k) }))
    .sort((x, y) => x.d - y.d || x.k.localeCompare(y.k))
    .slice(0, 3)
    .map((x) => x.k);
}

function requireIds(field: string, ids: readonly string[] | undefined, devices: DeviceList, family: string) {
  for (const [i, wanted] of (ids ?? []).entries()) {
    if (devices.some((d) => d.id === wanted)) continue;
    const near = closeNames(
      wanted,
      devices.map((d) => d.id),
    );
    throw new InputError({
      field: `${field}[${i}]`,
      allowed: `a device id in the ${family} catalogue (closest: ${near.join(", ")}); add the device to your catalogue file or fix the name`,
      received: JSON.stringify(wanted),
    });
  }
}

/** Every device a protocol (or a catalogue entry) refers to must exist. Throws InputError naming it. */
export function checkReferences(catalogue: Catalogue, protocol: Protocol): void {
  const p = protocol.preferredDevices ?? {};
  requireIds("preferredDevices.oxygenators", p.oxygenators, catalogue.oxygenators, "oxygenators");
  requireIds("preferredDevices.cannulae", p.cannulae, catalogue.cannulae, "cannulae");
  requireIds("preferredDevices.reservoirs", p.reservoirs, catalogue.reservoirs, "reservoirs");
  requireIds(
    "preferredDevices.arterialFilters",
    p.arterialFilters,
    catalogue.arterialFilters,
    "arterial-filters",
  );
  requireIds(
    "preferredDevices.centrifugalPumps",
    p.centrifugalPumps,
    catalogue.centrifugalPumps,
    "centrifugal-pumps",
  );
  requireIds("preferredDevices.ecmoPacks", p.ecmoPacks, catalogue.ecmoPacks, "ecmo-packs");
  if (protocol.cardioplegia.setId) {
    requireIds(
      "cardioplegia.setId",
      [protocol.cardioplegia.setId],
      catalogue.cardioplegiaSets,
      "cardioplegia-sets",
    );
  }
  for (const o of catalogue.oxygenators) {
    if (o.reservoirId)
      requireIds(`oxygenators.${o.id}.reservoirId`, [o.reservoirId], catalogue.reservoirs, "reservoirs");
  }
  for (const e of catalogue.ecmoPacks) {
    requireIds(`ecmo-packs.${e.id}.oxygenatorId`, [e.oxygenatorId], catalogue.oxygenators, "oxygenators");
    if (e.pumpId)
      requireIds(`ecmo-packs.${e.id}.pumpId`, [e.pumpId], catalogue.centrifugalPumps, "centrifugal-pumps");
  }
  for (const [i, band] of protocol.layoutByWeight.entries()) {
    if (!(band.layout in protocol.tableLayouts)) {
      throw new InputError({
        field: `layoutByWeight[${i}].layout`,
        allowed: `one of the protocol's tableLayouts: ${Object.keys(protocol.tableLayouts).join(", ")}`,
        received: JSON.stringify(band.layout),
      });
    }
  }
  const sizes = new Set(catalogue.tubing.map((t) => t.sizeIn));
  for (const [i, band] of protocol.tubingByWeight.entries()) {
    for (const line of ["arterial", "venous"] as const) {
      if (!sizes.has(band[line])) {
        throw new InputError({
          field: `tubingByWeight[${i}].${line}`,
          allowed: `a tubing size in the tubing catalogue: ${[...sizes].join(", ")}`,
          received: JSON.stringify(band[line]),
        });
      }
    }
  }
}
