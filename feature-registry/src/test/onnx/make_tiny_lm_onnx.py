#!/usr/bin/env python3
"""Writes the tiny causal "language model" as ONNX that the ONNX language-model encoder tests load.

It has the outputs deploy/models/export_hf_model.py gives a real model: logits, then
hidden_states.0 (the embeddings) to hidden_states.2 (after the last block), each [batch, seq, 16],
with inputs input_ids and attention_mask (int64, [batch, seq]). Block 1 mixes in the running sum of
earlier tokens, so a token's state depends on what came before it, as in a causal LM.

No onnx or torch package is needed: the protobuf is written here field by field (numpy packs the
weights), so the file can be remade anywhere:

    python3 feature-registry/src/test/onnx/make_tiny_lm_onnx.py
"""
import os

import numpy as np

FLOAT, INT64 = 1, 7
VOCAB, D = 1024, 16


def varint(n):
    out = bytearray()
    n &= (1 << 64) - 1
    while True:
        byte = n & 0x7F
        n >>= 7
        if n:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def field(number, wire, payload):
    return varint(number << 3 | wire) + payload


def num(number, value):
    return field(number, 0, varint(value))


def msg(number, body):
    return field(number, 2, varint(len(body)) + body)


def text(number, value):
    return msg(number, value.encode("utf-8"))


def tensor(name, array, data_type):
    body = b"".join(num(1, d) for d in array.shape) + num(2, data_type) + text(8, name)
    return body + msg(9, array.tobytes())


def value_info(name, elem_type, dims):
    shape = b"".join(msg(1, text(2, d) if isinstance(d, str) else num(1, d)) for d in dims)
    return text(1, name) + msg(2, msg(1, num(1, elem_type) + msg(2, shape)))


def node(op, inputs, outputs, **attributes):
    body = b"".join(text(1, i) for i in inputs) + b"".join(text(2, o) for o in outputs) + text(4, op)
    for name, value in attributes.items():
        body += msg(5, text(1, name) + num(3, value) + num(20, 2))  # INT attribute
    return body


def model():
    rng = np.random.default_rng(0)
    weights = {
        "embed": (rng.standard_normal((VOCAB, D)) * 0.5).astype(np.float32),
        "w1": (rng.standard_normal((D, D)) / np.sqrt(D)).astype(np.float32),
        "b1": (rng.standard_normal(D) * 0.1).astype(np.float32),
        "w2": (rng.standard_normal((D, D)) / np.sqrt(D)).astype(np.float32),
        "b2": (rng.standard_normal(D) * 0.1).astype(np.float32),
    }
    weights["unembed"] = np.ascontiguousarray(weights["embed"].T)
    constants = {"vocab": (np.array(VOCAB, dtype=np.int64), INT64), "last_axis": (np.array([2], dtype=np.int64), INT64),
                 "seq_axis": (np.array(1, dtype=np.int64), INT64)}
    nodes = [
        node("Mod", ["input_ids", "vocab"], ["ids"]),
        node("Gather", ["embed", "ids"], ["embedded"], axis=0),
        node("Cast", ["attention_mask"], ["mask_f"], to=FLOAT),
        node("Unsqueeze", ["mask_f", "last_axis"], ["mask"]),
        node("Mul", ["embedded", "mask"], ["hidden_states.0"]),
        node("MatMul", ["hidden_states.0", "w1"], ["h1_lin"]),
        node("Add", ["h1_lin", "b1"], ["h1_pre"]),
        node("Tanh", ["h1_pre"], ["h1_act"]),
        node("Mul", ["h1_act", "mask"], ["hidden_states.1"]),
        node("CumSum", ["hidden_states.1", "seq_axis"], ["running"]),
        node("MatMul", ["running", "w2"], ["h2_lin"]),
        node("Add", ["h2_lin", "b2"], ["h2_pre"]),
        node("Tanh", ["h2_pre"], ["h2_act"]),
        node("Mul", ["h2_act", "mask"], ["hidden_states.2"]),
        node("MatMul", ["hidden_states.2", "unembed"], ["logits"]),
    ]
    graph = b"".join(msg(1, n) for n in nodes) + text(2, "tiny-causal-lm")
    graph += b"".join(msg(5, tensor(name, array, FLOAT)) for name, array in weights.items())
    graph += b"".join(msg(5, tensor(name, array, kind)) for name, (array, kind) in constants.items())
    graph += msg(11, value_info("input_ids", INT64, ["batch", "sequence"]))
    graph += msg(11, value_info("attention_mask", INT64, ["batch", "sequence"]))
    graph += msg(12, value_info("logits", FLOAT, ["batch", "sequence", VOCAB]))
    for layer in range(3):
        graph += msg(12, value_info(f"hidden_states.{layer}", FLOAT, ["batch", "sequence", D]))
    return num(1, 8) + text(2, "emscreen-test") + msg(7, graph) + msg(8, text(1, "") + num(2, 17))


if __name__ == "__main__":
    out = os.path.join(os.path.dirname(__file__), "..", "resources", "tiny-lm", "model.onnx")
    with open(out, "wb") as f:
        f.write(model())
    print("wrote", os.path.normpath(out), os.path.getsize(out), "bytes")
