/**
 * The project document: what a `.layerlab` file holds (docs/project-format.md describes it).
 *
 * - project/schema.ts: the versioned zod schema (graph with positions, dataset embedded or
 *   linked with its import options, training settings, runs, trained weights).
 * - project/parse.ts: `parseProject` (defensive open), `migrate`, `serializeProject`
 *   (deterministic text).
 * - project/weights.ts: weight tensors against the graph's shapes; packing Float32Arrays.
 * - run-graph.ts: the network a run records (`runGraphOf`: a Graph without positions).
 * - project/bytes.ts, project/json.ts: base64 / float32 and safe JSON reading.
 *
 * Pure TypeScript and renderer-safe: imports only types from the rest of the engine besides the
 * graph modules. Compression and hashing of an embedded dataset happen on the Electron side.
 */
export * from './project/schema';
export * from './project/parse';
export * from './project/weights';
export * from './project/sweeps';
export { runGraphOf, runGraphSchema, type RunGraph } from './run-graph';
export {
  base64Size,
  decodeBase64,
  encodeBase64,
  float32ToBytes,
  bytesToFloat32,
} from './project/bytes';
export { FORBIDDEN_KEYS, MAX_JSON_DEPTH, parseJsonSafely } from './project/json';
