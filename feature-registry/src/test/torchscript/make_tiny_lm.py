#!/usr/bin/env python3
"""Writes the tiny TorchScript "language model" the TorchScriptTextEncoder tests load.

It stands in for a user's own model: token ids and an attention mask in, one hidden-state tensor
per layer out ([1, seq, 16] each). Layer 2 mixes in the running mean of earlier tokens, so a
token's state depends on its context as in a real LM. Made with Debian's python3-torch:

    /usr/bin/python3 feature-registry/src/test/torchscript/make_tiny_lm.py   # apt-get install python3-torch
"""
import os

import torch


class TinyLM(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.embed = torch.nn.Embedding(1024, 16)
        self.layer1 = torch.nn.Linear(16, 16)
        self.layer2 = torch.nn.Linear(16, 16)

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor):
        mask = attention_mask.unsqueeze(-1).to(torch.float32)
        h0 = self.embed(torch.remainder(input_ids, 1024)) * mask
        h1 = torch.tanh(self.layer1(h0)) * mask
        positions = torch.arange(1, h1.shape[1] + 1, dtype=torch.float32).view(1, -1, 1)
        h2 = torch.tanh(self.layer2(torch.cumsum(h1, dim=1) / positions)) * mask
        return h0, h1, h2


if __name__ == "__main__":
    torch.manual_seed(0)
    out = os.path.join(os.path.dirname(__file__), "..", "resources", "tiny-lm", "model.pt")
    torch.jit.script(TinyLM().eval()).save(out)
    print("wrote", os.path.normpath(out), os.path.getsize(out), "bytes")
