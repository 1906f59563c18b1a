#!/usr/bin/env python3
"""Checks one register module of the seed corpus for surface shortcuts.

    python3 trainer/src/main/seed/check_register.py registers.code

Prints the number of pairs and tasks, the mean answer length per side, and the AUROC (5-fold, split
by task) of a naive Bayes that sees only the first and last five words of the answer and its length
bucket. A register is fit for the seed when that AUROC is at most 0.60: the label must not be
readable from how an answer starts, ends or how long it is.
"""
import importlib
import math
import random
import re
import sys
from collections import Counter

sys.path.insert(0, __import__("os").path.dirname(__file__))


def surface(text):
    words = re.findall(r"[a-z0-9']+|[^\sa-z0-9]", text.lower())
    length = "len%d" % min(12, int(math.log2(1 + len(text))))
    return ["B:" + w for w in words[:5]] + ["E:" + w for w in words[-5:]] + [length]


def auroc(pos, neg):
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


def nb_auroc(rows, folds=5, seed=7):
    tasks = sorted({r[0] for r in rows})
    random.Random(seed).shuffle(tasks)
    fold_of = {t: i % folds for i, t in enumerate(tasks)}
    pos, neg = [], []
    for f in range(folds):
        train = [r for r in rows if fold_of[r[0]] != f]
        counts = {True: Counter(), False: Counter()}
        for _, label, feats in train:
            counts[label].update(feats)
        vocab = set(counts[True]) | set(counts[False])
        tot = {k: sum(c.values()) + len(vocab) for k, c in counts.items()}
        for task, label, feats in (r for r in rows if fold_of[r[0]] == f):
            s = sum(math.log((counts[True][w] + 1) / tot[True]) - math.log((counts[False][w] + 1) / tot[False])
                    for w in feats)
            (pos if label else neg).append(s)
    return auroc(pos, neg)


def main(name):
    module = importlib.import_module(name)
    pairs = module.pairs(random.Random(2026))
    rows = []
    for p in pairs:
        rows.append((p["task"], True, surface(p["inducing"])))
        rows.append((p["task"], False, surface(p["control"])))
    li = [len(p["inducing"]) for p in pairs]
    lc = [len(p["control"]) for p in pairs]
    dup = len(pairs) - len({(p["prompt"], p["inducing"], p["control"]) for p in pairs})
    print(f"{name}: {len(pairs)} pairs, {len({p['task'] for p in pairs})} tasks, registers {sorted({p['register'] for p in pairs})}")
    print(f"  mean length: inducing {sum(li) / len(li):.0f} chars, control {sum(lc) / len(lc):.0f} chars; duplicates {dup}")
    print(f"  shortcut AUROC (first/last five words + length, 5-fold by task): {nb_auroc(rows):.3f}  (must be <= 0.60)")


if __name__ == "__main__":
    main(sys.argv[1])
