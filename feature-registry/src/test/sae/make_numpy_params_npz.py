#!/usr/bin/env python3
"""Writes a tiny params.npz the way Gemma Scope's files are written: numpy.savez of float32 arrays
named W_enc [d_model, d_sae], W_dec [d_sae, d_model], b_enc, b_dec and threshold. The Java tests write
their own SAE files with DJL; this one checks that a file numpy wrote reads the same way.

    python3 feature-registry/src/test/sae/make_numpy_params_npz.py   # needs numpy only
"""
import os

import numpy as np

W_ENC = np.array([[1, 0, 1, 0], [0, 1, 1, 0], [0, 0, 0, 1]], dtype=np.float32)
W_DEC = np.ascontiguousarray(W_ENC.T / np.linalg.norm(W_ENC.T, axis=1, keepdims=True))
B_ENC = np.array([0, 0, -1, 0], dtype=np.float32)
B_DEC = np.array([0.5, -0.5, 0], dtype=np.float32)
THRESHOLD = np.array([0.5, 0.5, 0.5, 0.5], dtype=np.float32)

if __name__ == "__main__":
    out = os.path.join(os.path.dirname(__file__), "..", "resources", "gemma-scope-2b-pt-res", "layer_1", "width_4",
                       "average_l0_2", "params.npz")
    np.savez(out, W_enc=W_ENC, W_dec=W_DEC, b_enc=B_ENC, b_dec=B_DEC, threshold=THRESHOLD)
    print("wrote", os.path.normpath(out), os.path.getsize(out), "bytes")
