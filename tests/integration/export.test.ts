/**
 * exportProject on saved, trained projects (classification and regression, L2, Dropout, a
 * categorical feature): every folder's own check passes against Layerlab's predictions, the ONNX
 * file passes onnx.checker, the PyTorch script predicts like Layerlab, retrains to Layerlab's
 * test metric and runs under torchrun on two processes, and the Keras script compiles and
 * declares the same layers as the TF.js model.json.
 */
import { spawnSync } from 'node:child_process';
import {
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportProject, type ExportFormat } from '../../electron/backend/export';
import { loadProject } from '../../electron/backend/export/load';
import { predictRecord } from '../../electron/backend/training/predict';
import { PYTHON, pythonHas, saveTrainedProject } from './export-helpers';
import type { Trained } from '../unit/engine/interop/helpers';

const root = path.resolve(__dirname, '../..');
const hasOnnx = pythonHas('onnx');
const hasTorch = pythonHas('torch', 'numpy');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'layerlab-export-'));
  if (!hasOnnx) console.log('onnx.checker checks skipped: python3-onnx is not installed');
  if (!hasTorch) console.log('PyTorch checks skipped: python3-torch is not installed');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(cmd: string, args: string[], cwd: string, timeout = 120_000) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout });
  return {
    status: r.status,
    out: r.stdout ?? '',
    err: (r.stderr ?? '') + (r.error?.message ?? ''),
  };
}

/** The last JSON line a script printed. */
function lastJson(out: string): Record<string, unknown> {
  // torchrun prefixes each process's lines with "[default0]:".
  const line = out
    .trim()
    .split('\n')
    .map((l) => l.replace(/^\[default\d+\]:/, ''))
    .filter((l) => l.startsWith('{'))
    .pop();
  return JSON.parse(line ?? '{}');
}

describe.each(['classification', 'regression'] as const)('exporting a %s project', (task) => {
  let project: string;
  let trained: Trained;
  const out: Partial<Record<ExportFormat, string>> = {};

  beforeAll(async () => {
    ({ file: project, trained } = await saveTrainedProject(dir, task));
    for (const format of ['onnx', 'tfjs', 'pytorch', 'keras'] as const) {
      out[format] = path.join(dir, `${task}-${format}`);
      await exportProject({ projectPath: project, format, outDir: out[format]! });
    }
  }, 120_000);

  it('writes the README, the reference rows and a check into every folder', () => {
    for (const format of ['onnx', 'tfjs', 'pytorch', 'keras'] as const) {
      const files = readdirSync(out[format]!);
      expect(files).toEqual(
        expect.arrayContaining(['README.md', 'reference_predictions.json', 'preprocessing.json']),
      );
      expect(files.some((f) => f === 'check.mjs' || f === 'check_parity.py')).toBe(true);
    }
    expect(readdirSync(dir).some((f) => f.includes('.partial-'))).toBe(false);
  });

  it("gives the reference rows the app's own Predict outputs", async () => {
    const p = await loadProject(project);
    const enc = p.dataset.prepared.encoder!;
    const ref = JSON.parse(
      readFileSync(path.join(out.onnx!, 'reference_predictions.json'), 'utf8'),
    );
    expect(ref.rows).toHaveLength(20);
    let worst = 0;
    for (const row of ref.rows) {
      const app = predictRecord(enc, p.spec, p.weights, row.inputs);
      if (task === 'classification') {
        expect(row.predicted).toBe(app.predicted);
        app.probabilities!.forEach(
          (v, j) => (worst = Math.max(worst, Math.abs(v - row.probabilities[j]))),
        );
      } else {
        worst = Math.max(worst, Math.abs(app.value! - row.value));
      }
    }
    expect(worst).toBe(0);
    expect(ref.testMetrics).toEqual(expect.objectContaining({ loss: expect.any(Number) }));
  });

  it.each(['onnx', 'tfjs'] as const)(
    "%s: the folder's check.mjs matches Layerlab within 1e-5",
    (format) => {
      symlinkSync(path.join(root, 'node_modules'), path.join(out[format]!, 'node_modules'));
      const r = run(process.execPath, ['check.mjs'], out[format]!);
      const result = lastJson(r.out);
      console.log(`${task} ${format} check.mjs: ${JSON.stringify(result)}`);
      expect(r.status, r.err).toBe(0);
      expect(result.ok).toBe(true);
      expect(result.maxAbsDiff as number).toBeLessThan(1e-5);
    },
  );

  it.skipIf(!hasOnnx)('onnx: model.onnx passes onnx.checker.check_model', () => {
    const r = run(
      PYTHON,
      [
        '-c',
        "import onnx; onnx.checker.check_model(onnx.load('model.onnx'), full_check=True); print('ok')",
      ],
      out.onnx!,
    );
    expect(r.status, r.err).toBe(0);
    expect(r.out.trim()).toBe('ok');
  });

  it.skipIf(!hasTorch)('pytorch: check_parity.py predicts like Layerlab within 1e-5', () => {
    const r = run(PYTHON, ['check_parity.py'], out.pytorch!);
    const result = lastJson(r.out);
    console.log(`${task} pytorch check_parity.py: ${JSON.stringify(result)}`);
    expect(r.status, r.err).toBe(0);
    expect(result.maxAbsDiff as number).toBeLessThan(1e-5);
  });

  it.skipIf(!hasTorch)(
    "pytorch: retraining with the same settings reaches Layerlab's test metric within 2 points",
    () => {
      const r = run(PYTHON, ['train_torch.py', 'train'], out.pytorch!, 300_000);
      expect(r.status, r.err).toBe(0);
      const result = lastJson(r.out);
      const test = result.test as Record<string, number>;
      const metric = task === 'classification' ? 'acc' : 'r2';
      const layerlab = trained.testMetrics[metric]!;
      console.log(
        `${task} test ${metric}: Layerlab ${layerlab.toFixed(4)} (${trained.testMetrics.epochs} epochs), PyTorch retrained ${test[metric]!.toFixed(4)} (${result.epochs} epochs)`,
      );
      expect(Math.abs(test[metric]! - layerlab)).toBeLessThanOrEqual(0.02);
    },
    300_000,
  );

  it.skipIf(!hasTorch)(
    'pytorch: runs to the end under torchrun --nproc_per_node=2',
    () => {
      const r = run(
        '/usr/bin/torchrun',
        [
          '--standalone',
          '--nproc_per_node=2',
          // torch 1.13 on Python 3.11 needs explicit redirects (its default "0" no longer parses).
          '--redirects=1',
          '--tee=1',
          `--log_dir=${path.join(dir, `${task}-torchrun-logs`)}`,
          'train_torch.py',
          'train',
          '--epochs',
          '3',
          '--out',
          'ddp_weights',
        ],
        out.pytorch!,
        300_000,
      );
      expect(r.status, r.err).toBe(0);
      const result = lastJson(r.out);
      console.log(`${task} torchrun: ${JSON.stringify(result)}`);
      expect(result.processes, r.out.slice(-2000)).toBe(2);
      expect(result.epochs).toBe(3);
    },
    300_000,
  );

  it('keras: train_keras.py compiles', () => {
    const r = run(
      PYTHON,
      ['-m', 'py_compile', 'train_keras.py', 'check_parity.py', 'layerlab_data.py'],
      out.keras!,
    );
    expect(r.status, r.err).toBe(0);
  });

  it('keras: the script declares the layers of the TF.js model.json', () => {
    const stub = path.join(dir, `${task}-keras-stub.py`);
    writeFileSync(stub, KERAS_STUB);
    const r = run(PYTHON, [stub, out.keras!], out.keras!);
    expect(r.status, r.err).toBe(0);
    const fromScript = JSON.parse(r.out);
    const json = JSON.parse(readFileSync(path.join(out.tfjs!, 'model.json'), 'utf8'));
    const fromTfjs = normaliseTfjs(json.modelTopology.config.layers);
    expect(fromScript.input).toEqual([trained.spec.inputs]);
    expect(fromScript.layers).toEqual(fromTfjs);
    expect(fromTfjs.map((l: { class_name: string }) => l.class_name)).toContain('Dropout');
  });
});

/** keras stand-in that records what build_model() declares (no Keras can be installed here). */
const KERAS_STUB = `import json, sys, types
keras = types.ModuleType("keras")
layers = types.ModuleType("keras.layers")
regularizers = types.ModuleType("keras.regularizers")
def layer(cls):
    def make(*args, **kw):
        return {"class_name": cls, "args": list(args), "kw": kw}
    return make
for c in ["Dense", "Dropout", "LeakyReLU", "Activation"]:
    setattr(layers, c, layer(c))
regularizers.L1L2 = lambda l1=0.0, l2=0.0: {"l1": l1, "l2": l2}
keras.Input = lambda shape: {"input": list(shape)}
keras.Sequential = lambda ls, name=None: {"layers": ls, "name": name}
keras.layers, keras.regularizers = layers, regularizers
sys.modules.update({"keras": keras, "keras.layers": layers, "keras.regularizers": regularizers})
sys.path.insert(0, sys.argv[1])
import train_keras
m = train_keras.build_model()
def norm(l):
    a, k = l["args"], l["kw"]
    c = l["class_name"]
    if c == "Dense":
        r = k["kernel_regularizer"]
        return {"class_name": c, "name": k["name"], "units": a[0], "activation": k["activation"], "use_bias": k["use_bias"],
                "init": k["kernel_initializer"], "l1": r and r["l1"], "l2": r and r["l2"]}
    if c == "Dropout":
        return {"class_name": c, "name": k["name"], "rate": a[0]}
    if c == "LeakyReLU":
        return {"class_name": c, "name": k["name"], "alpha": k["negative_slope"]}
    return {"class_name": c, "name": k["name"], "activation": a[0]}
print(json.dumps({"input": m["layers"][0]["input"], "layers": [norm(l) for l in m["layers"][1:]]}))
`;

const INIT: Record<string, string> = {
  GlorotUniform: 'glorot_uniform',
  GlorotNormal: 'glorot_normal',
  HeNormal: 'he_normal',
  HeUniform: 'he_uniform',
  LeCunNormal: 'lecun_normal',
  LeCunUniform: 'lecun_uniform',
  Zeros: 'zeros',
};

interface TfjsLayerConfig {
  name: string;
  units?: number;
  activation?: string;
  use_bias?: boolean;
  kernel_initializer?: { class_name: string };
  kernel_regularizer?: { config: { l1: number; l2: number } } | null;
  rate?: number;
  alpha?: number;
}

function normaliseTfjs(layers: { class_name: string; config: TfjsLayerConfig }[]) {
  return layers.map(({ class_name, config: c }) => {
    if (class_name === 'Dense')
      return {
        class_name,
        name: c.name,
        units: c.units,
        activation: c.activation,
        use_bias: c.use_bias,
        init: INIT[c.kernel_initializer!.class_name],
        l1: c.kernel_regularizer?.config.l1 ?? null,
        l2: c.kernel_regularizer?.config.l2 ?? null,
      };
    if (class_name === 'Dropout') return { class_name, name: c.name, rate: c.rate };
    if (class_name === 'LeakyReLU') return { class_name, name: c.name, alpha: c.alpha };
    return { class_name, name: c.name, activation: c.activation };
  });
}
