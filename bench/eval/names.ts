// How the eval compares names: the gold annotation's normalisation, and name parts.
import { goldNormalize } from "../gold-match.js";

/** A name as compared: gold normalisation (case, dots, "the", possessive), hyphens kept. */
export const nameKey = (s: string) => goldNormalize(s.replace(/[\u2019']s\b/gu, ""));

export const nameTokens = (s: string) => nameKey(s).split(" ").filter(Boolean);

/** The forms a predicted person or organisation goes by: its name and every alias. */
export const formsOf = (e: { name: string; aliases: string[] }) => new Set([e.name, ...e.aliases].map(nameKey).filter(Boolean));
