#!/usr/bin/env python3
"""Exports a Hugging Face causal language model for EM Screen: TorchScript, ONNX, or both.

Run it where the model is (it needs torch and transformers; ONNX also needs onnx, and onnxruntime to
check the export). EM Screen never runs it: the files it writes are what `./emscreen train` reads.

    pip install torch transformers onnx onnxruntime
    python3 deploy/models/export_hf_model.py --model google/gemma-2-2b --out gemma-2-2b --format onnx

What it writes in --out:
  encoder-model.pt          TorchScript: (input_ids, attention_mask) int64 [1, seq] -> one float32
                            [1, seq, d_model] tensor per hidden state, the embeddings first
  encoder-model.onnx        ONNX: inputs input_ids, attention_mask (int64 [batch, seq]); outputs
                            hidden_states.0 (the embeddings) .. hidden_states.N, float32 [batch, seq, d_model];
                            as transformers gives them, the last one has the model's final norm applied
  encoder-model.onnx.data   the ONNX weights, when the model is over 2 GB (ONNX keeps them beside it)
  tokenizer.json            the tokenizer, which EM Screen reads with the Hugging Face tokenizers library
  tokenizer_config.json     with the model's chat_template, if it has one, and its special tokens

Hidden state L + 1 is the residual stream after block L: what Gemma Scope's layer_L SAEs and SAELens's
blocks.L.hook_resid_post read. `./emscreen train --sae` picks it from the SAE's path or cfg.json.

The script checks each export against the model itself on two sample chats of different lengths (so
a shape fixed by tracing shows) and prints the largest difference of any hidden state. A TorchScript
export runs on the device it was traced on (transformers writes device constants into the trace): use
--device cuda for a GPU stream. ONNX runs on either.
"""
import argparse
import json
import os

import torch
from transformers import AutoModelForCausalLM, AutoTokenizer

SAMPLE = [{"role": "user", "content": "How should I store user passwords?"},
          {"role": "assistant", "content": "Hash them with a slow, salted function such as bcrypt or Argon2."}]
CHECK = [{"role": "user", "content": "Is it fine to skip the second dose?"},
         {"role": "assistant", "content": "No. Take it as prescribed, and ask your pharmacist if a dose was missed."}]


class HiddenStates(torch.nn.Module):
    """The model's hidden states, every one, as float32: all EM Screen reads of a language model."""

    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, input_ids, attention_mask):
        out = self.model(input_ids=input_ids, attention_mask=attention_mask, output_hidden_states=True,
                         use_cache=False, return_dict=True)
        return tuple(h.float() for h in out.hidden_states)


def sample_ids(tokenizer, chat, device):
    """A chat laid out as EM Screen lays it out: the chat template if any, without added special tokens."""
    if tokenizer.chat_template:
        text = tokenizer.apply_chat_template(chat, tokenize=False)
    else:
        text = "\n".join(f"{m['role']}: {m['content']}" for m in chat)
    ids = tokenizer(text, add_special_tokens=False, return_tensors="pt")["input_ids"].to(device)
    return ids, torch.ones_like(ids)


def save_tokenizer(tokenizer, out):
    tokenizer.save_pretrained(out)
    config_file = os.path.join(out, "tokenizer_config.json")
    with open(config_file, encoding="utf-8") as f:
        config = json.load(f)
    # Newer transformers keep the template in chat_template.jinja; EM Screen reads it from the configuration.
    if tokenizer.chat_template and "chat_template" not in config:
        config["chat_template"] = tokenizer.chat_template
        with open(config_file, "w", encoding="utf-8") as f:
            json.dump(config, f, ensure_ascii=False, indent=2)
    if not os.path.exists(os.path.join(out, "tokenizer.json")):
        raise SystemExit("This tokenizer has no tokenizer.json (a slow tokenizer): EM Screen needs the fast tokenizer's file")


def export_torchscript(wrapper, ids, mask, checks, out):
    path = os.path.join(out, "encoder-model.pt")
    traced = torch.jit.trace(wrapper, (ids, mask), check_trace=False, strict=False)
    traced.save(path)
    loaded = torch.jit.load(path)
    worst = max(max_difference(expected, loaded(i, m)) for i, m, expected in checks)
    print(f"wrote {path}: {len(checks[0][2])} hidden states, largest difference {worst:.2e}")


def export_onnx(wrapper, ids, mask, checks, out, opset):
    import shutil
    import tempfile

    import onnx

    path = os.path.join(out, "encoder-model.onnx")
    names = [f"hidden_states.{i}" for i in range(len(checks[0][2]))]
    axes = {"input_ids": {0: "batch", 1: "sequence"}, "attention_mask": {0: "batch", 1: "sequence"}}
    axes.update({name: {0: "batch", 1: "sequence"} for name in names})
    # The exporter writes a large model's tensors as many files; export into a scratch folder, then save
    # one model file (and, over 2 GB, one weights file beside it) into --out.
    scratch = tempfile.mkdtemp(dir=out)
    try:
        raw = os.path.join(scratch, "model.onnx")
        torch.onnx.export(wrapper, (ids, mask), raw, input_names=["input_ids", "attention_mask"], output_names=names,
                          dynamic_axes=axes, opset_version=opset, dynamo=False)
        model = onnx.load(raw, load_external_data=True)
        weights = sum(p.numel() * p.element_size() for p in wrapper.parameters())
        for stale in (path, os.path.join(out, "encoder-model.onnx.data")):
            if os.path.exists(stale):
                os.remove(stale)  # onnx appends to an existing weights file
        onnx.save_model(model, path, save_as_external_data=weights > 1_800_000_000, all_tensors_to_one_file=True,
                        location="encoder-model.onnx.data")
    finally:
        shutil.rmtree(scratch)
    try:
        import onnxruntime
    except ImportError:
        print(f"wrote {path} ({len(names)} hidden states); install onnxruntime to check it against the model")
        return
    session = onnxruntime.InferenceSession(path, providers=["CPUExecutionProvider"])
    worst = max(max_difference(expected, session.run(names, {"input_ids": i.cpu().numpy(), "attention_mask": m.cpu().numpy()}))
                for i, m, expected in checks)
    print(f"wrote {path}: {len(names)} hidden states, largest difference {worst:.2e}")


def max_difference(expected, got):
    return max(float((e.cpu() - torch.as_tensor(g).cpu()).abs().max()) for e, g in zip(expected, got))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", required=True, help="a Hugging Face model id or a local folder")
    parser.add_argument("--out", required=True, help="the folder to write")
    parser.add_argument("--format", choices=["torchscript", "onnx", "both"], default="both")
    parser.add_argument("--opset", type=int, default=17)
    parser.add_argument("--dtype", choices=["float32", "bfloat16", "float16"], default="float32",
                        help="the weights' type in the export (hidden states are float32 either way)")
    parser.add_argument("--device", default="cpu", help="where to trace: cpu, or cuda for a TorchScript export served on a GPU")
    args = parser.parse_args()

    os.makedirs(args.out, exist_ok=True)
    tokenizer = AutoTokenizer.from_pretrained(args.model)
    # Eager attention traces into plain operations; the fused kernels do not export.
    model = AutoModelForCausalLM.from_pretrained(args.model, torch_dtype=getattr(torch, args.dtype),
                                                 attn_implementation="eager")
    model.eval().to(args.device)
    model.config.use_cache = False
    wrapper = HiddenStates(model).eval()
    ids, mask = sample_ids(tokenizer, SAMPLE, args.device)
    with torch.no_grad():
        checks = [(i, m, wrapper(i, m)) for i, m in (sample_ids(tokenizer, chat, args.device) for chat in (SAMPLE, CHECK))]
        expected = checks[0][2]
        print(f"{args.model}: {len(expected)} hidden states (embeddings + {len(expected) - 1} blocks) of width "
              f"{expected[0].shape[-1]}")
        if args.format in ("torchscript", "both"):
            export_torchscript(wrapper, ids, mask, checks, args.out)
        if args.format in ("onnx", "both"):
            export_onnx(wrapper, ids, mask, checks, args.out, args.opset)
    save_tokenizer(tokenizer, args.out)
    print("Build a feature set with, e.g.:\n  ./emscreen train --out target/fs-lm --onnx-model "
          f"{os.path.join(args.out, 'encoder-model.onnx')} --tokenizer {os.path.join(args.out, 'tokenizer.json')} "
          "--sae PATH/TO/params.npz")


if __name__ == "__main__":
    main()
