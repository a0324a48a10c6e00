/** Shared pieces of the generated Python scripts: literals and the training settings. */
import type { ExportModel } from './model';

/** A JSON value as a Python literal. */
export function py(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new RangeError(`${v} has no Python literal here`);
    return Number.isInteger(v) ? String(v) : JSON.stringify(v);
  }
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(py).join(', ')}]`;
  const entries = Object.entries(v as Record<string, unknown>);
  return `{${entries.map(([k, x]) => `${JSON.stringify(k)}: ${py(x)}`).join(', ')}}`;
}

/** A name for a docstring: no quotes, backslashes or line breaks that could end it. */
export function docName(name: string): string {
  return name.replace(/["\\\r\n]+/g, ' ').trim() || 'model';
}

/** The SETTINGS block both scripts start with (edit it to change the experiment). */
export function settingsBlock(model: ExportModel): string {
  const t = model.training;
  const lines = [
    `    "epochs": ${py(t.epochs)},`,
    `    "batch_size": ${py(t.batchSize)},  # the global batch; each of N processes takes batch_size / N`,
    `    "optimizer": ${py(t.optimizer)},  # sgd | momentum (0.9) | rmsprop (rho 0.9) | adam (0.9, 0.999)`,
    `    "lr": ${py(t.lr)},`,
    `    "schedule": ${py(t.schedule)},  # constant | step (x0.5 every epochs/3) | exponential (0.97) | cosine`,
    `    "seed": ${py(t.seed)},`,
    `    "early_stopping": ${py(t.earlyStopping && { patience: t.earlyStopping.patience, min_delta: t.earlyStopping.minDelta, restore_best: t.earlyStopping.restoreBest })},`,
  ];
  return `SETTINGS = {\n${lines.join('\n')}\n}\nLOSS = ${py(model.loss)}  # cce: softmax + cross-entropy, bce: sigmoid + binary cross-entropy, mse\n`;
}

/** Per-Dense-layer L1 / L2 λ (on the kernel only), and how each kernel is initialised. */
export function denseTable(model: ExportModel): { l1l2: string; inits: string } {
  const dense = model.layers.filter((l) => l.type === 'dense');
  return {
    l1l2: py(dense.map((l) => [l.l1, l.l2])),
    inits: py(dense.map((l) => l.initializer)),
  };
}

/** The learning rate of 0-based epoch e, as Layerlab schedules it (Python source). */
export const SCHEDULE_PY = `def learning_rate(epoch):
    s, lr, n = SETTINGS["schedule"], SETTINGS["lr"], SETTINGS["epochs"]
    if s == "step":
        return lr * 0.5 ** (epoch // max(1, math.floor(n / 3 + 0.5)))
    if s == "exponential":
        return lr * 0.97**epoch
    if s == "cosine":
        return 0.5 * lr * (1 + math.cos(math.pi * min(epoch, n) / n))
    return lr
`;

/**
 * The scripts' entry point (the same for PyTorch and Keras): predict with the exported weights
 * (JSON lines to stdout or --out), or train again; build_model, set_weights, predictions and
 * train are each script's own.
 */
export const PY_MAIN = `def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("command", nargs="?", default="predict", choices=["predict", "train"])
    p.add_argument("--csv", default=ld.here("data.csv"), help="CSV with a header row (default: data.csv)")
    p.add_argument("--splits", default=ld.here("splits.json"), help="train/validation/test rows of the CSV")
    p.add_argument("--weights", default=ld.here("weights.json"), help="weights to predict with")
    p.add_argument("--epochs", type=int, default=0, help="override the number of epochs")
    p.add_argument("--out", default=None, help="predict: a file to write; train: the weights' base name")
    p.add_argument("--verbose", action="store_true")
    args = p.parse_args(argv)
    pre = ld.load_preprocessing()
    if args.command == "train":
        args.out = args.out or ld.here("trained_weights")
        return train(args, pre)
    model = build_model()
    set_weights(model, ld.load_weights(args.weights))
    rows = predictions(pre, model, ld.read_csv(args.csv, pre))
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            f.write("\\n".join(json.dumps(r) for r in rows) + "\\n")
    else:
        for r in rows:
            print(json.dumps(r))
    return rows


if __name__ == "__main__":
    main()
`;
