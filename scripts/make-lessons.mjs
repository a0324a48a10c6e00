/**
 * Writes the lesson projects in assets/lessons/ (one .layerlab per concept) from the engine's own
 * modules, so they are reproducible: the same generator options give the same bytes.
 * Run: `node scripts/make-lessons.mjs`. The guides (<id>.guide.json) are written by hand.
 *
 * The TypeScript builder below is bundled by esbuild on the fly and run in this process.
 */
import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const builder = `
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { generateCsv, generatedName, type GenerateOptions } from './engine/data/generate';
import { DEFAULT_OPTIONS } from './engine/data/options';
import { parseLayerSpec } from './engine/graph/spec-string';
import { PROJECT_FORMAT, PROJECT_FORMAT_VERSION, serializeProject } from './engine/graph/project';
import { DEFAULT_TRAIN_SETTINGS } from './electron/contract/training';

interface Lesson {
  id: string;
  data: { generate: GenerateOptions } | { sample: string };
  target: string;
  layers: string;
  training: Partial<typeof DEFAULT_TRAIN_SETTINGS>;
}

// The datasets are small so a lesson trains in seconds; the seeds fix every number.
const LESSONS: Lesson[] = [
  {
    id: 'activations',
    data: { generate: { kind: 'circles', size: 400, noise: 0.05, seed: 1 } },
    target: 'class',
    layers: 'dense:8,tanh,dense:8,tanh,dense:2,softmax',
    training: { epochs: 60, lr: 0.03 },
  },
  {
    id: 'l1-vs-l2',
    data: { sample: 'wine.csv' },
    target: 'label',
    layers: 'dense:32,relu,dense:3,softmax',
    training: { epochs: 80, lr: 0.01, l1: 0.003 },
  },
  {
    id: 'overfitting',
    data: { generate: { kind: 'gaussians', size: 160, noise: 0.4, seed: 3 } },
    target: 'class',
    layers: 'dense:64,relu,dense:64,relu,dense:2,softmax',
    training: { epochs: 200, lr: 0.003, batchSize: 16 },
  },
  {
    id: 'dropout',
    data: { generate: { kind: 'gaussians', size: 160, noise: 0.4, seed: 3 } },
    target: 'class',
    layers: 'dense:64,relu,dropout:0.5,dense:64,relu,dropout:0.5,dense:2,softmax',
    training: { epochs: 150, lr: 0.003, batchSize: 16 },
  },
  {
    id: 'choosing-lambda',
    data: { generate: { kind: 'gaussians', size: 160, noise: 0.4, seed: 3 } },
    target: 'class',
    layers: 'dense:64,relu,dense:64,relu,dense:2,softmax',
    training: { epochs: 150, lr: 0.003, batchSize: 16, l2: 0.01 },
  },
  {
    id: 'initialisation',
    data: { generate: { kind: 'xor', size: 300, noise: 0.05, seed: 5 } },
    target: 'class',
    layers: 'dense:8,tanh,dense:8,tanh,dense:2,softmax',
    training: { epochs: 80, lr: 0.03 },
  },
  {
    id: 'augmentation',
    data: { generate: { kind: 'gaussians', size: 160, noise: 0.4, seed: 3 } },
    target: 'class',
    layers: 'dense:64,relu,dense:64,relu,dense:2,softmax',
    training: { epochs: 150, lr: 0.003, batchSize: 16 },
  },
  {
    id: 'softmax',
    data: { sample: 'iris.csv' },
    target: 'label',
    layers: 'dense:16,relu,dense:3,softmax',
    training: { epochs: 60, lr: 0.01 },
  },
];

export function lessonFiles(root: string): { name: string; text: string }[] {
  return LESSONS.map((l) => {
    const [name, csv] =
      'generate' in l.data
        ? [generatedName(l.data.generate), generateCsv(l.data.generate)]
        : [l.data.sample, readFileSync(root + '/assets/datasets/' + l.data.sample, 'utf8')];
    const bytes = Buffer.from(csv, 'utf8');
    const parsed = parseLayerSpec(l.layers);
    if (!parsed.ok) throw new Error(l.id + ': ' + parsed.message);
    // A readable left-to-right chain on the canvas.
    parsed.graph.nodes.forEach((n, i) => (n.position = { x: 60 + i * 170, y: 160 }));
    const project = {
      format: PROJECT_FORMAT,
      formatVersion: PROJECT_FORMAT_VERSION,
      app: { name: 'Layerlab', version: 'lesson' },
      graph: parsed.graph,
      dataset: {
        name,
        source: {
          kind: 'embedded' as const,
          compression: 'gzip' as const,
          bytes: bytes.byteLength,
          sha256: createHash('sha256').update(bytes).digest('hex'),
          data: gzipSync(bytes, { level: 9, mtime: 0 } as never).toString('base64'),
        },
        options: { ...DEFAULT_OPTIONS, target: l.target },
      },
      training: { ...DEFAULT_TRAIN_SETTINGS, ...l.training },
      runs: [],
      weights: null,
    };
    return { name: l.id + '.layerlab', text: serializeProject(project as never) };
  });
}
`;

const out = await build({
  stdin: { contents: builder, resolveDir: root, loader: 'ts', sourcefile: 'lessons-builder.ts' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  write: false,
  logLevel: 'warning',
});
const mod = { exports: {} };
new Function('module', 'exports', 'require', out.outputFiles[0].text)(
  mod,
  mod.exports,
  createRequire(import.meta.url),
);
for (const f of mod.exports.lessonFiles(root)) {
  writeFileSync(path.join(root, 'assets/lessons', f.name), f.text);
  console.log(`assets/lessons/${f.name}`);
}
