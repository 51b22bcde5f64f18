/**
 * The planner's only I/O: reads the catalogue (one YAML file per device family) and protocol files,
 * validates them with the zod schemas and returns plain objects for the pure planner.
 * An institution's files merge over the defaults (see catalogue.ts); errors name the file and the field.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { parse } from "yaml";
import type { z } from "zod";
import { InputError } from "../common/errors.ts";
import { parseOrThrow } from "../common/zod.ts";
import {
  type CatalogueAdditions,
  checkReferences,
  mergeCatalogues,
  mergeProtocol,
} from "../planner/catalogue.ts";
import {
  type Catalogue,
  FAMILY_NAMES,
  type FamilyName,
  familySchemas,
  type Protocol,
  type ProtocolOverride,
  protocolOverrideSchema,
  protocolSchema,
} from "../planner/schema.ts";

/** catalogue/ at the repository root. */
export const DEFAULT_CATALOGUE_DIR = join(import.meta.dirname, "..", "..", "catalogue");
export const DEFAULT_PROTOCOL_FILE = join(DEFAULT_CATALOGUE_DIR, "protocols", "default.yaml");

function readData(file: string): unknown {
  if (!existsSync(file) || !statSync(file).isFile()) {
    throw new InputError({ field: "file", allowed: "an existing YAML or JSON file", received: file });
  }
  const text = readFileSync(file, "utf8");
  try {
    return extname(file).toLowerCase() === ".json" ? JSON.parse(text) : parse(text, { merge: true });
  } catch (e) {
    throw new InputError({
      field: file,
      allowed: "valid YAML/JSON",
      received: (e as Error).message.split("\n")[0],
    });
  }
}

function validate<T extends z.ZodType>(schema: T, data: unknown, file: string): z.output<T> {
  return parseOrThrow(schema, data, `${basename(file)}:`);
}

function toCatalogueKey(family: FamilyName): keyof Catalogue {
  const map: Record<FamilyName, keyof Catalogue> = {
    oxygenators: "oxygenators",
    cannulae: "cannulae",
    tubing: "tubing",
    "roller-boots": "rollerBoots",
    "centrifugal-pumps": "centrifugalPumps",
    reservoirs: "reservoirs",
    "arterial-filters": "arterialFilters",
    haemoconcentrators: "haemoconcentrators",
    "cardioplegia-sets": "cardioplegiaSets",
    "ecmo-packs": "ecmoPacks",
  };
  return map[family];
}

/** Reads the family files present in `dir` (<family>.yaml|yml|json). */
export function readCatalogueDir(dir: string): CatalogueAdditions {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new InputError({
      field: "--catalogue",
      allowed: "an existing directory of <family>.yaml files",
      received: dir,
    });
  }
  const out: Record<string, unknown> = {};
  for (const name of readdirSync(dir).sort()) {
    const ext = extname(name).toLowerCase();
    if (![".yaml", ".yml", ".json"].includes(ext)) continue;
    const family = basename(name, ext);
    if (!(FAMILY_NAMES as string[]).includes(family)) {
      throw new InputError({
        field: join(dir, name),
        allowed: `named after a device family (${FAMILY_NAMES.join(", ")})`,
        received: family,
      });
    }
    const file = join(dir, name);
    const parsed = validate(familySchemas[family as FamilyName], readData(file), file) as Record<
      string,
      unknown
    >;
    const key = toCatalogueKey(family as FamilyName);
    out[key] = key === "rollerBoots" ? parsed : (parsed.devices ?? parsed.sizes);
  }
  return out as CatalogueAdditions;
}

/** The default catalogue: every family must be present. */
export function loadDefaultCatalogue(dir = DEFAULT_CATALOGUE_DIR): Catalogue {
  const c = readCatalogueDir(dir);
  for (const family of FAMILY_NAMES) {
    if (c[toCatalogueKey(family)] === undefined) {
      throw new InputError({
        field: join(dir, `${family}.yaml`),
        allowed: "present in the default catalogue",
      });
    }
  }
  return c as Catalogue;
}

export function loadProtocolFile(file: string): ProtocolOverride {
  return validate(protocolOverrideSchema, readData(file), file);
}

export function loadDefaultProtocol(file = DEFAULT_PROTOCOL_FILE): Protocol {
  return validate(protocolSchema, readData(file), file);
}

/** Default catalogue and protocol, with an institution's protocol file and catalogue directory merged over them. */
export function loadPlannerData(opts: { protocolFile?: string; catalogueDir?: string } = {}): {
  catalogue: Catalogue;
  protocol: Protocol;
} {
  let catalogue = loadDefaultCatalogue();
  if (opts.catalogueDir) catalogue = mergeCatalogues(catalogue, readCatalogueDir(opts.catalogueDir));
  let protocol = loadDefaultProtocol();
  if (opts.protocolFile) {
    const merged = mergeProtocol(protocol, loadProtocolFile(opts.protocolFile));
    protocol = validate(protocolSchema, merged, opts.protocolFile);
  }
  checkReferences(catalogue, protocol);
  return { catalogue, protocol };
}
