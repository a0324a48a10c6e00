/**
 * train_torch.py: the model in plain PyTorch. `predict` loads Layerlab's weights and predicts a
 * CSV with the same preprocessing; `train` retrains with the same settings (optimizer, learning
 * rate and schedule, batch size, epochs, L1/L2 on the kernels, Dropout, early stopping on the
 * validation loss) on the exported data and splits. The same file runs under
 * `torchrun --nproc_per_node=N` with DistributedDataParallel (gloo on CPU, nccl on GPUs).
 */
import type { ExportLayer, ExportModel } from './model';
import { denseTable, docName, PY_MAIN, py, SCHEDULE_PY, settingsBlock } from './python-common';

function torchLayer(l: ExportLayer): string[] {
  const act = (fn: string, alpha: number) =>
    fn === 'relu'
      ? ['nn.ReLU()']
      : fn === 'sigmoid'
        ? ['nn.Sigmoid()']
        : fn === 'tanh'
          ? ['nn.Tanh()']
          : fn === 'leaky_relu'
            ? [`nn.LeakyReLU(negative_slope=${py(alpha)})`]
            : [];
  if (l.type === 'dropout') return [`nn.Dropout(p=${py(l.rate)})`];
  if (l.type === 'activation') return act(l.fn, l.alpha);
  return [
    `nn.Linear(${l.inputs}, ${l.units}, bias=${py(l.useBias)})`,
    ...act(l.activation, l.alpha),
  ];
}

export function torchScript(model: ExportModel): string {
  const layers = model.layers.flatMap(torchLayer).map((s) => `        ${s},`);
  const { l1l2, inits } = denseTable(model);
  return `#!/usr/bin/env python3
"""${docName(model.name)}: a Layerlab model in plain PyTorch.

  python train_torch.py predict [--csv data.csv] [--out predictions.csv]
      Layerlab's trained weights (weights.json + weights.bin), predictions for every row.
  python train_torch.py train [--epochs N] [--out trained_weights]
      Retrains with Layerlab's settings on data.csv and its splits (splits.json), prints the
      test metrics as JSON and saves the weights in Layerlab's layout.
  torchrun --nproc_per_node=4 train_torch.py train
      The same on 4 processes (DistributedDataParallel; gloo on CPU, nccl on GPUs). Add
      --nnodes / --node_rank / --master_addr to spread it over several machines.
"""
import argparse
import json
import math
import os
import sys

import numpy as np
import torch
import torch.distributed as dist
from torch import nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import layerlab_data as ld  # noqa: E402

${settingsBlock(model)}HEAD = ${py(model.head)}  # what turns the last layer's output into a prediction
# Per Dense layer: (L1 λ, L2 λ) on the kernel, and its initialiser.
L1L2 = ${l1l2}
INITIALIZERS = ${inits}


def build_model():
    return nn.Sequential(
${layers.join('\n')}
    )


def dense_layers(model):
    return [m for m in model.modules() if isinstance(m, nn.Linear)]


def initialise(model):
    for m, init in zip(dense_layers(model), INITIALIZERS):
        w = m.weight
        if init == "glorot_uniform":
            nn.init.xavier_uniform_(w)
        elif init == "glorot_normal":
            nn.init.xavier_normal_(w)
        elif init == "he_normal":
            nn.init.kaiming_normal_(w, nonlinearity="relu")
        elif init == "he_uniform":
            nn.init.kaiming_uniform_(w, nonlinearity="relu")
        elif init in ("lecun_normal", "lecun_uniform"):
            fan_in = w.shape[1]
            if init == "lecun_normal":
                nn.init.normal_(w, 0.0, math.sqrt(1.0 / fan_in))
            else:
                lim = math.sqrt(3.0 / fan_in)
                nn.init.uniform_(w, -lim, lim)
        else:
            nn.init.zeros_(w)
        if m.bias is not None:
            nn.init.zeros_(m.bias)


def set_weights(model, layers):
    """Layerlab's kernels are inputs x units; nn.Linear keeps units x inputs."""
    with torch.no_grad():
        for m, (kernel, bias) in zip(dense_layers(model), layers):
            m.weight.copy_(torch.from_numpy(kernel.T.copy()))
            if m.bias is not None:
                m.bias.copy_(torch.from_numpy(bias))


def get_weights(model):
    return [
        (m.weight.detach().cpu().numpy().T, None if m.bias is None else m.bias.detach().cpu().numpy())
        for m in dense_layers(model)
    ]


def outputs(model, x):
    """Probabilities (classification) or the scaled value (regression), float32."""
    model.eval()
    with torch.no_grad():
        z = model(torch.as_tensor(x))
        if HEAD == "softmax":
            return torch.softmax(z, dim=1).numpy()
        if HEAD == "sigmoid":
            p = torch.sigmoid(z).numpy()
            return np.concatenate([1 - p, p], axis=1) if p.shape[1] == 1 else p
        return z.numpy()


def predictions(pre, model, records):
    """What Layerlab shows: probabilities and the class, or the value in the target's units."""
    out = outputs(model, ld.encode_rows(pre, records))
    t = pre["target"]
    if t["task"] == "classification":
        return [{"probabilities": [float(v) for v in row], "predicted": t["classes"][int(np.argmax(row))]} for row in out]
    return [{"value": float(v)} for v in ld.unscale(pre, out[:, 0])]


def penalty(model):
    r = 0.0
    for m, (l1, l2) in zip(dense_layers(model), L1L2):
        if l1 > 0:
            r = r + l1 * m.weight.abs().sum()
        if l2 > 0:
            r = r + l2 * (m.weight**2).sum()
    return r


def data_loss(z, y):
    if LOSS == "cce":
        return nn.functional.cross_entropy(z, y)
    if LOSS == "bce":
        return nn.functional.binary_cross_entropy_with_logits(z, y)
    return nn.functional.mse_loss(z, y)


def tensors(pre, records, rows, outputs_width):
    picked = [records[i] for i in rows]
    y = ld.targets(pre, picked)
    keep = [i for i, v in enumerate(y) if v is not None]
    x = torch.from_numpy(ld.encode_rows(pre, [picked[i] for i in keep]))
    y = [y[i] for i in keep]
    if LOSS == "cce":
        return x, torch.tensor(y, dtype=torch.long)
    if LOSS == "bce" and outputs_width > 1:
        return x, nn.functional.one_hot(torch.tensor(y), outputs_width).float()
    return x, torch.tensor(y, dtype=torch.float32).reshape(-1, 1)


def metrics(model, x, y):
    """Layerlab's metrics: loss and accuracy, or loss, MAE and R² (in training scale)."""
    model.eval()
    with torch.no_grad():
        z = model(x)
        out = {"loss": float(data_loss(z, y))}
        if LOSS == "cce":
            out["acc"] = float((z.argmax(1) == y).float().mean())
        elif LOSS == "bce":
            out["acc"] = float(((torch.sigmoid(z) >= 0.5).float() == (y >= 0.5).float()).float().mean())
        else:
            out["mae"] = float((z - y).abs().mean())
            ss_res = float(((y - z) ** 2).sum())
            ss_tot = float(((y - y.mean()) ** 2).sum())
            out["r2"] = 1 - ss_res / ss_tot if ss_tot > 0 else 0.0
    return out


def make_optimizer(params):
    name, lr = SETTINGS["optimizer"], SETTINGS["lr"]
    if name == "sgd":
        return torch.optim.SGD(params, lr=lr)
    if name == "momentum":
        return torch.optim.SGD(params, lr=lr, momentum=0.9)
    if name == "rmsprop":
        return torch.optim.RMSprop(params, lr=lr, alpha=0.9, eps=1e-8)
    return torch.optim.Adam(params, lr=lr, betas=(0.9, 0.999), eps=1e-8)


${SCHEDULE_PY}

def train(args, pre):
    world = int(os.environ.get("WORLD_SIZE", "1"))
    rank = int(os.environ.get("RANK", "0"))
    device = torch.device("cpu")
    if world > 1:
        use_cuda = torch.cuda.is_available()
        dist.init_process_group("nccl" if use_cuda else "gloo")
        if use_cuda:
            device = torch.device("cuda", int(os.environ.get("LOCAL_RANK", "0")))
            torch.cuda.set_device(device)
    seed = SETTINGS["seed"]
    torch.manual_seed(seed)
    records = ld.read_csv(args.csv, pre)
    splits = ld.load_splits(args.splits)
    width = pre["width"]
    n_out = dense_layers(build_model())[-1].out_features
    x_tr, y_tr = (t.to(device) for t in tensors(pre, records, splits["train"], n_out))
    x_va, y_va = (t.to(device) for t in tensors(pre, records, splits["validation"], n_out))
    x_te, y_te = (t.to(device) for t in tensors(pre, records, splits["test"], n_out))
    assert x_tr.shape[1] == width
    model = build_model()
    initialise(model)  # the same seed on every process: the same start
    model.to(device)
    net = nn.parallel.DistributedDataParallel(model) if world > 1 else model
    opt = make_optimizer(net.parameters())
    batch = max(1, SETTINGS["batch_size"] // world)
    epochs = args.epochs or SETTINGS["epochs"]
    es = SETTINGS["early_stopping"]
    best = {"loss": math.inf, "epoch": 0, "weights": None}
    wait = 0
    n = x_tr.shape[0]
    per_rank = math.ceil(n / world)
    for epoch in range(epochs):
        for g in opt.param_groups:
            g["lr"] = learning_rate(epoch)
        gen = torch.Generator().manual_seed(seed * 1000 + epoch)
        order = torch.randperm(n, generator=gen)
        order = torch.cat([order, order[: per_rank * world - n]])  # equal shares, as DistributedSampler
        mine = order[rank::world].to(device)
        net.train()
        for i in range(0, per_rank, batch):
            idx = mine[i : i + batch]
            opt.zero_grad()
            loss = data_loss(net(x_tr[idx]), y_tr[idx]) + penalty(model)
            loss.backward()
            opt.step()
        val = metrics(model, x_va, y_va) if x_va.shape[0] else metrics(model, x_tr, y_tr)
        if rank == 0 and args.verbose:
            print(f"epoch {epoch + 1}/{epochs} lr {learning_rate(epoch):.4g} val {json.dumps(val)}", flush=True)
        # Every process holds the same weights, so each takes the same early-stopping decision.
        min_delta = es["min_delta"] if es else 0.0
        if best["epoch"] == 0 or val["loss"] < best["loss"] - min_delta:
            best = {"loss": val["loss"], "epoch": epoch + 1, "weights": get_weights(model)}
            wait = 0
        else:
            wait += 1
        if es and wait >= es["patience"] and epoch + 1 < epochs:
            break
    if es and es["restore_best"] and best["weights"] is not None:
        set_weights(model, best["weights"])
    test = metrics(model, x_te, y_te) if x_te.shape[0] else None  # no test rows: a separate test file
    result = {"test": test, "epochs": epoch + 1, "processes": world}
    if rank == 0:
        ld.save_weights(get_weights(model), args.out)
        print(json.dumps(result), flush=True)
    if world > 1:
        dist.barrier()
        dist.destroy_process_group()
    return result


${PY_MAIN}`;
}
