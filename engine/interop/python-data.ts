/**
 * layerlab_data.py: the preprocessing of preprocessing.json in plain Python (csv, json, math),
 * shared by the PyTorch and Keras scripts. It mirrors engine/data/predict.ts: trimmed cells, the
 * missing-value tokens, Layerlab's number grammar (no hex, no "inf"), yes/no words for boolean
 * columns, category keys with numbers in their shortest (JavaScript) form, unseen categories as
 * all zeros, and the scaling computed in double precision before the float32 the network takes.
 */
export const LAYERLAB_DATA_PY = `"""Layerlab's preprocessing (preprocessing.json) for raw CSV rows, in plain Python.

Used by train_torch.py / train_keras.py and check_parity.py. Only the standard library and NumPy.
"""
import csv
import json
import math
import os
import re

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
_NUMBER = re.compile(r"^[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?$")
_TRUE = {"true", "yes", "t", "y"}
_FALSE = {"false", "no", "f", "n"}


def here(name):
    return os.path.join(HERE, name)


def load_preprocessing(path=None):
    with open(path or here("preprocessing.json"), encoding="utf-8") as f:
        pre = json.load(f)
    if pre.get("format") != "layerlab-preprocessing":
        raise ValueError(f"{path or 'preprocessing.json'} is not a Layerlab preprocessing file")
    for feat in pre["features"]:
        cats = feat["categories"]
        feat["index"] = None if cats is None else {c: i for i, c in enumerate(cats)}
    return pre


def is_missing(cell, pre):
    return cell.lower() in pre["missingTokens"]


def parse_number(cell, decimal_comma):
    """The number a cell holds, or NaN (plain decimal notation with an optional exponent)."""
    s = cell
    if decimal_comma and "," in s:
        if "." in s:
            return math.nan
        s = s.replace(",", ".")
    if not _NUMBER.match(s):
        return math.nan
    v = float(s)
    return v if math.isfinite(v) else math.nan


def parse_boolean(cell):
    s = cell.lower()
    return 1.0 if s in _TRUE else 0.0 if s in _FALSE else math.nan


def js_number(v):
    """A float as JavaScript's String(v) writes it (the form Layerlab keys categories by)."""
    if v == 0:
        return "0"
    sign = "-" if v < 0 else ""
    mant, _, exp = repr(abs(v)).partition("e")
    exp = int(exp) if exp else 0
    ip, _, fp = mant.partition(".")
    if ip.strip("0"):
        n = len(ip.lstrip("0")) + exp
    else:
        n = exp - (len(fp) - len(fp.lstrip("0")))
    digits = (ip + fp).lstrip("0").rstrip("0")
    k = len(digits)
    if k <= n <= 21:
        return sign + digits + "0" * (n - k)
    if 0 < n <= 21:
        return sign + digits[:n] + "." + digits[n:]
    if -6 < n <= 0:
        return sign + "0." + "0" * (-n) + digits
    e = n - 1
    m = digits[0] + ("." + digits[1:] if k > 1 else "")
    return sign + m + "e" + ("+" if e >= 0 else "-") + str(abs(e))


def category_key(cell, decimal_comma):
    v = parse_number(cell, decimal_comma)
    return js_number(v) if v == v else cell


def encode_row(pre, record):
    """One raw row (cells by column name) -> the encoded features (Python floats)."""
    out = []
    dc = pre["decimalComma"]
    for feat in pre["features"]:
        raw = (record.get(feat["name"]) or "").strip()
        missing = is_missing(raw, pre)
        if feat["index"] is not None:
            key = feat["fill"] if missing else category_key(raw, dc)
            j = feat["index"].get(key, -1)
            out.extend(1.0 if i == j else 0.0 for i in range(len(feat["categories"])))
            continue
        v = math.nan if missing else parse_number(raw, dc)
        if v != v and feat["kind"] == "boolean" and not missing:
            v = parse_boolean(raw)
        if v != v:
            v = feat["fill"]
        out.append((v - feat["center"]) / feat["scale"])
    return out


def encode_rows(pre, records):
    """Rows -> float32 matrix (computed in double, rounded once, as Layerlab does)."""
    x = np.array([encode_row(pre, r) for r in records], dtype=np.float64)
    return x.reshape(len(records), pre["width"]).astype(np.float32)


def read_csv(path, pre, delimiter=","):
    """A CSV file with a header row -> list of {column: cell}; every feature column must be there."""
    with open(path, encoding="utf-8-sig", newline="") as f:
        reader = csv.reader(f, delimiter=delimiter)
        header = next(reader, None)
        if header is None:
            raise ValueError(f"{path} is empty")
        missing = [f["name"] for f in pre["features"] if f["name"] not in header]
        if missing:
            raise ValueError(f"{path} has no column {missing[0]!r}; it has {', '.join(header)}")
        return [dict(zip(header, row)) for row in reader if row]


def targets(pre, records):
    """Class indices (classification) or the scaled target (regression); None where unusable."""
    t = pre["target"]
    out = []
    for r in records:
        raw = (r.get(t["name"]) or "").strip()
        if is_missing(raw, pre):
            out.append(None)
        elif t["task"] == "classification":
            key = category_key(raw, pre["decimalComma"])
            out.append(t["classes"].index(key) if key in t["classes"] else None)
        else:
            v = parse_number(raw, pre["decimalComma"])
            out.append(None if v != v else (v - t["mean"]) / t["std"])
    return out


def load_splits(path=None):
    with open(path or here("splits.json"), encoding="utf-8") as f:
        return json.load(f)


def unscale(pre, values):
    """A regression output (training scale) back in the target's units."""
    t = pre["target"]
    return np.asarray(values, dtype=np.float64) * t["std"] + t["mean"]


def load_weights(path=None):
    """Layerlab's trained weights: per Dense layer (kernel inputs x units, bias or None)."""
    with open(path or here("weights.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    data = np.fromfile(os.path.join(os.path.dirname(path or here("weights.json")), manifest["file"]), dtype="<f4")
    layers, o = [], 0
    for layer in manifest["layers"]:
        n_in, n_out = layer["kernel"]
        kernel = data[o : o + n_in * n_out].reshape(n_in, n_out)
        o += n_in * n_out
        bias = None
        if layer["bias"]:
            bias = data[o : o + n_out]
            o += n_out
        layers.append((kernel.copy(), None if bias is None else bias.copy()))
    if o != data.size:
        raise ValueError(f"{manifest['file']} holds {data.size} values, the layers need {o}")
    return layers


def save_weights(layers, path):
    """Writes weights in the same layout (weights.json beside a .bin file)."""
    base = os.path.splitext(path)[0]
    flat = []
    for kernel, bias in layers:
        flat.append(np.asarray(kernel, dtype="<f4").ravel())
        if bias is not None:
            flat.append(np.asarray(bias, dtype="<f4").ravel())
    np.concatenate(flat).astype("<f4").tofile(base + ".bin")
    manifest = {
        "file": os.path.basename(base) + ".bin",
        "layers": [{"kernel": list(k.shape), "bias": b is not None} for k, b in layers],
    }
    with open(base + ".json", "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=2)
`;
