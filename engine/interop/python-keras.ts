/**
 * train_keras.py: the model as a Keras 3 Sequential built from the same layer list as the TF.js
 * model.json (Dense with activation, initialiser and L1L2 kernel regulariser, Dropout, LeakyReLU,
 * the head as an Activation layer), with the same optimizer, schedule, batch size, epochs and
 * early stopping. `predict` loads Layerlab's weights; `train` retrains on the exported splits.
 */
import type { ExportModel } from './model';
import { docName, PY_MAIN, py, SCHEDULE_PY, settingsBlock } from './python-common';
import { kerasLayers, safeName, type KerasLayer } from './tfjs';

const INIT_NAME: Record<string, string> = {
  GlorotUniform: 'glorot_uniform',
  GlorotNormal: 'glorot_normal',
  HeNormal: 'he_normal',
  HeUniform: 'he_uniform',
  LeCunNormal: 'lecun_normal',
  LeCunUniform: 'lecun_uniform',
  Zeros: 'zeros',
};

function kerasLine(l: KerasLayer): string {
  const c = l.config as Record<string, unknown>;
  const name = `name=${py(c.name)}`;
  switch (l.class_name) {
    case 'Dense': {
      const init = INIT_NAME[(c.kernel_initializer as { class_name: string }).class_name];
      const reg = c.kernel_regularizer as { config: { l1: number; l2: number } } | null;
      const regText = reg
        ? `regularizers.L1L2(l1=${py(reg.config.l1)}, l2=${py(reg.config.l2)})`
        : 'None';
      return `layers.Dense(${c.units}, activation=${py(c.activation)}, use_bias=${py(c.use_bias)}, kernel_initializer=${py(init)}, kernel_regularizer=${regText}, ${name})`;
    }
    case 'Dropout':
      return `layers.Dropout(${py(c.rate)}, ${name})`;
    case 'LeakyReLU':
      return `layers.LeakyReLU(negative_slope=${py(c.alpha)}, ${name})`;
    default:
      return `layers.Activation(${py(c.activation)}, ${name})`;
  }
}

export function kerasScript(model: ExportModel): string {
  const lines = kerasLayers(model).map((l) => `            ${kerasLine(l)},`);
  return `#!/usr/bin/env python3
"""${docName(model.name)}: a Layerlab model in Keras 3.

  python train_keras.py predict [--csv data.csv] [--out predictions.jsonl]
      Layerlab's trained weights (weights.json + weights.bin), predictions for every row.
  python train_keras.py train [--epochs N] [--out trained_weights]
      Retrains with Layerlab's settings on data.csv and its splits (splits.json), prints the
      test metrics as JSON and saves the weights in Layerlab's layout.
Needs keras >= 3 with a backend (TensorFlow, JAX or PyTorch).
"""
import argparse
import json
import math
import os
import sys

import numpy as np
import keras
from keras import layers, regularizers

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import layerlab_data as ld  # noqa: E402

${settingsBlock(model)}HEAD = ${py(model.head)}  # the model ends with this activation (softmax, sigmoid) or none


def build_model():
    return keras.Sequential(
        [
            keras.Input(shape=(${model.inputs},)),
${lines.join('\n')}
        ],
        name=${py(safeName(model.name))},
    )


def dense_layers(model):
    return [layer for layer in model.layers if isinstance(layer, layers.Dense)]


def set_weights(model, weights):
    for layer, (kernel, bias) in zip(dense_layers(model), weights):
        layer.set_weights([kernel] if bias is None else [kernel, bias])


def get_weights(model):
    out = []
    for layer in dense_layers(model):
        w = layer.get_weights()
        out.append((w[0], w[1] if len(w) > 1 else None))
    return out


def outputs(model, x):
    p = np.asarray(model.predict(x, verbose=0), dtype=np.float32)
    if HEAD == "sigmoid" and p.shape[1] == 1:
        return np.concatenate([1 - p, p], axis=1)
    return p


def predictions(pre, model, records):
    out = outputs(model, ld.encode_rows(pre, records))
    t = pre["target"]
    if t["task"] == "classification":
        return [{"probabilities": [float(v) for v in row], "predicted": t["classes"][int(np.argmax(row))]} for row in out]
    return [{"value": float(v)} for v in ld.unscale(pre, out[:, 0])]


def arrays(pre, records, rows, width):
    picked = [records[i] for i in rows]
    y = ld.targets(pre, picked)
    keep = [i for i, v in enumerate(y) if v is not None]
    x = ld.encode_rows(pre, [picked[i] for i in keep])
    y = np.array([y[i] for i in keep])
    if LOSS == "cce":
        return x, y.astype(np.int64)
    if LOSS == "bce" and width > 1:
        return x, np.eye(width, dtype=np.float32)[y.astype(np.int64)]
    return x, y.astype(np.float32).reshape(-1, 1)


def make_optimizer():
    name, lr = SETTINGS["optimizer"], SETTINGS["lr"]
    if name == "sgd":
        return keras.optimizers.SGD(learning_rate=lr)
    if name == "momentum":
        return keras.optimizers.SGD(learning_rate=lr, momentum=0.9)
    if name == "rmsprop":
        return keras.optimizers.RMSprop(learning_rate=lr, rho=0.9, epsilon=1e-8)
    return keras.optimizers.Adam(learning_rate=lr, beta_1=0.9, beta_2=0.999, epsilon=1e-8)


${SCHEDULE_PY}

def train(args, pre):
    keras.utils.set_random_seed(SETTINGS["seed"])
    records = ld.read_csv(args.csv, pre)
    splits = ld.load_splits(args.splits)
    model = build_model()
    width = model.output_shape[-1]
    x_tr, y_tr = arrays(pre, records, splits["train"], width)
    x_va, y_va = arrays(pre, records, splits["validation"], width)
    x_te, y_te = arrays(pre, records, splits["test"], width)
    loss = {
        "cce": keras.losses.SparseCategoricalCrossentropy(),
        "bce": keras.losses.BinaryCrossentropy(),
        "mse": keras.losses.MeanSquaredError(),
    }[LOSS]
    model.compile(optimizer=make_optimizer(), loss=loss, metrics=["mae"] if LOSS == "mse" else ["accuracy"])
    callbacks = [keras.callbacks.LearningRateScheduler(lambda epoch, lr: learning_rate(epoch))]
    es = SETTINGS["early_stopping"]
    if es:
        callbacks.append(
            keras.callbacks.EarlyStopping(
                monitor="val_loss", patience=es["patience"], min_delta=es["min_delta"], restore_best_weights=es["restore_best"]
            )
        )
    history = model.fit(
        x_tr,
        y_tr,
        batch_size=SETTINGS["batch_size"],
        epochs=args.epochs or SETTINGS["epochs"],
        validation_data=(x_va, y_va) if len(x_va) else None,
        shuffle=True,
        callbacks=callbacks,
        verbose=2 if args.verbose else 0,
    )
    test = evaluate(model, x_te, y_te) if len(x_te) else None  # no test rows: a separate test file
    ld.save_weights(get_weights(model), args.out)
    result = {"test": test, "epochs": len(history.history["loss"])}
    print(json.dumps(result), flush=True)
    return result


def evaluate(model, x_te, y_te):
    """Layerlab's metrics: loss and accuracy, or loss, MAE and R² (in training scale)."""
    values = model.evaluate(x_te, y_te, verbose=0, return_dict=True)
    test = {"loss": float(values["loss"])}
    if LOSS == "mse":
        p = model.predict(x_te, verbose=0)
        ss_tot = float(((y_te - y_te.mean()) ** 2).sum())
        test["mae"] = float(values["mae"])
        test["r2"] = 1 - float(((y_te - p) ** 2).sum()) / ss_tot if ss_tot > 0 else 0.0
    else:
        test["acc"] = float(values["accuracy"])
    return test


${PY_MAIN}`;
}

/** check_parity.py: the script's predictions with Layerlab's weights against the reference. */
export function checkParityScript(module: 'train_torch' | 'train_keras'): string {
  return `#!/usr/bin/env python3
"""Checks that ${module}.py, with Layerlab's trained weights, predicts what Layerlab predicted
for the rows of reference_predictions.json. Exit status 0 when every output is within the
tolerance (regression values are compared in training scale, (value - mean) / std)."""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import layerlab_data as ld  # noqa: E402
import ${module} as script  # noqa: E402


def main():
    with open(ld.here("reference_predictions.json"), encoding="utf-8") as f:
        ref = json.load(f)
    pre = ld.load_preprocessing()
    model = script.build_model()
    script.set_weights(model, ld.load_weights())
    got = script.predictions(pre, model, [r["inputs"] for r in ref["rows"]])
    t = pre["target"]
    worst, labels = 0.0, 0
    for want, have in zip(ref["rows"], got):
        if t["task"] == "classification":
            for a, b in zip(want["probabilities"], have["probabilities"]):
                worst = max(worst, abs(a - b))
            labels += want["predicted"] != have["predicted"]
        else:
            worst = max(worst, abs(want["value"] - have["value"]) / t["std"])
    ok = worst <= ref["tolerance"] and labels == 0
    print(json.dumps({"rows": len(got), "maxAbsDiff": worst, "labelMismatches": labels, "ok": ok}))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
`;
}
