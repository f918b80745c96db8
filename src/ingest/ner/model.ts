// The name tagger's weights: what training writes and inference reads.
import fs from "node:fs";
import zlib from "node:zlib";

export const TAGS = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"] as const;
export type Tag = (typeof TAGS)[number];
export const TAG_COUNT = TAGS.length;

export interface Weights {
  /** Feature string -> row in `emit`. */
  index: Map<string, number>;
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
  /** Feature strings in sorted order, each followed by its TAG_COUNT weights. */
  features: [string, number[]][];
  trainedOn: { articles: number; epochs: number; minFeatureCount: number; heldOutF1: number };
}

export const MODEL_PATH = new URL("./model.json.gz", import.meta.url);

export function weightsFromFile(file: ModelFile): Weights {
  if (file.format !== "newsgraph-ner-1" || file.tags.join() !== TAGS.join()) throw new Error(`name tagger: ${MODEL_PATH.pathname} is not a model this code reads`);
  const index = new Map<string, number>();
  const emit = new Float32Array(file.features.length * TAG_COUNT);
  file.features.forEach(([name, row], k) => {
    index.set(name, k);
    for (let t = 0; t < TAG_COUNT; t++) emit[k * TAG_COUNT + t] = (row[t] ?? 0) / file.scale;
  });
  return { index, emit, trans: Float32Array.from(file.trans, (v) => v / file.scale), temperature: file.temperature };
}

let loaded: Weights | undefined;

/** The committed model, read once. */
export function getModel(): Weights {
  loaded ??= weightsFromFile(JSON.parse(zlib.gunzipSync(fs.readFileSync(MODEL_PATH)).toString("utf8")) as ModelFile);
  return loaded;
}
