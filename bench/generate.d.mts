// Types for generate.mjs (plain JavaScript so that `npm run bench` needs no TypeScript loader).
export function rng(seed: number): () => number;
export function generatePostmortem(sizeKb: number, seed?: number): string;
