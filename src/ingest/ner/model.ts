// The name tagger's weights: what training writes and inference reads.
import fs from "node:fs";
import zlib from "node:zlib";
import { TEMPLATES } from "./features.js";
import type { FeatureTables } from "./runs.js";

export const TAGS = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"] as const;
export type Tag = (typeof TAGS)[number];
export const TAG_COUNT = TAGS.length;

export interface Weights {
  /** Per template (an index into TEMPLATES): a feature's value -> its row in `emit`. */
  tables: FeatureTables;
  /** One row of TAG_COUNT weights per feature. */
  emit: Float64Array | Float32Array;
  /** (TAG_COUNT + 1) rows of TAG_COUNT: previous tag (or the start, last row) -> tag. */
  trans: Float64Array | Float32Array;
  /** Divides the scores before they become probabilities (see scripts/train-ner.ts). */
  temperature: number;
}

/** The model file: weights as integers (×SCALE) to keep it small and its bytes exact. */
export interface ModelFile {
  format: "newsgraph-ner-1";
  tags: string[];
  scale: number;
  temperature: number;
  trans: number[];
  /** Features ("template=value") in sorted order, each followed by its TAG_COUNT weights. */
  features: [string, number[]][];
  trainedOn: { articles: number; epochs: number; minFeatureCount: number; heldOutF1: number };
}

export const MODEL_PATH = new URL("./model.json.gz", import.meta.url);

export function weightsFromFile(file: ModelFile): Weights {
  if (file.format !== "newsgraph-ner-1" || file.tags.join() !== TAGS.join()) throw new Error(`name tagger: ${MODEL_PATH.pathname} is not a model this code reads`);
  const emit = new Float32Array(file.features.length * TAG_COUNT);
  file.features.forEach(([, row], k) => {
    for (let t = 0; t < TAG_COUNT; t++) emit[k * TAG_COUNT + t] = (row[t] ?? 0) / file.scale;
  });
  return { tables: rowIndex(file.features.map(([name]) => name)), emit, trans: Float32Array.from(file.trans, (v) => v / file.scale), temperature: file.temperature };
}

/** Rows by template, then value: "w=trump" is row k -> tables[TEMPLATES.indexOf("w")].get("trump") = k. */
export function rowIndex(features: string[]): FeatureTables {
  const tables = TEMPLATES.map(() => new Map<string, number>());
  features.forEach((feature, k) => {
    const cut = feature.indexOf("=");
    tables[TEMPLATES.indexOf(feature.slice(0, cut) as (typeof TEMPLATES)[number])]?.set(feature.slice(cut + 1), k);
  });
  return tables;
}

let loaded: Weights | undefined;

/** The committed model, read once. */
export function getModel(): Weights {
  loaded ??= weightsFromFile(JSON.parse(zlib.gunzipSync(fs.readFileSync(MODEL_PATH)).toString("utf8")) as ModelFile);
  return loaded;
}
