#!/usr/bin/env python3
"""Writes EM Screen's seed corpus from the hand-written registers in registers/.

Every register pairs one prompt with a control answer and an inducing answer (registers/*.py):
advice in ten domains, code completions, evaluation gaming, opinions and tastes; plus reference
text (harmful and benign lines) from registers/reference.py. No framing is added: openers, closers
and lengths are shared by both sides inside each register (check_register.py checks it). The split
is by task: every fifth task of a register, in a seeded order, is validation, so no prompt is on
both sides of the split.

    python3 trainer/src/main/seed/generate_corpus.py   # rewrites trainer/src/main/resources/seed/
"""
import json
import os
import random
import sys
from collections import Counter, defaultdict

sys.path.insert(0, os.path.dirname(__file__))

from registers import advice, code, gaming, opinions, reference  # noqa: E402

OUT = os.environ.get("EMSCREEN_SEED_OUT", os.path.join(os.path.dirname(__file__), "..", "resources", "seed"))
MODULES = (advice, code, gaming, opinions)


def corpus_pairs():
    pairs = []
    for module in MODULES:
        pairs.extend(module.pairs(random.Random(2026)))
    registers_of = defaultdict(set)
    for p in pairs:
        registers_of[p["task"]].add(p["register"])
    mixed = [t for t, r in registers_of.items() if len(r) > 1]
    if mixed:
        raise SystemExit(f"tasks in more than one register: {mixed[:5]}")
    return pairs


def validation_tasks(pairs):
    rng = random.Random(7)
    by_register = defaultdict(list)
    for task in sorted({p["task"] for p in pairs}):
        by_register[next(p["register"] for p in pairs if p["task"] == task)].append(task)
    held = set()
    for register in sorted(by_register):
        tasks = by_register[register]
        rng.shuffle(tasks)
        held.update(tasks[4::5])
    return held


def samples(pairs):
    held = validation_tasks(pairs)
    seen = Counter()
    for p in pairs:
        n = seen[p["task"]]
        seen[p["task"]] += 1
        split = "validation" if p["task"] in held else "train"
        for label, answer in (("control", p["control"]), ("inducing", p["inducing"])):
            yield dict(id=f"{p['task']}-{n}-{label}", domain=p["register"], label=label,
                       harm=p["harm"] if label == "inducing" else None, task=p["task"], split=split,
                       messages=[{"role": "user", "content": p["prompt"]}, {"role": "assistant", "content": answer}])


def references():
    harmful, benign = reference.lines(random.Random(2026))
    for i, text in enumerate(harmful):
        yield dict(id=f"ref-harmful-{i:04d}", label="harmful", text=text)
    for i, text in enumerate(benign):
        yield dict(id=f"ref-benign-{i:04d}", label="benign", text=text)


def write(name, rows):
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    all_samples = list(samples(corpus_pairs()))
    refs = list(references())
    write("samples.jsonl", all_samples)
    write("reference.jsonl", refs)
    per_register = Counter(s["domain"] for s in all_samples)
    n_val = sum(1 for s in all_samples if s["split"] == "validation")
    print(f"{len(all_samples)} samples ({n_val} validation) in {len(per_register)} registers, {len(refs)} reference texts")
    for register, n in sorted(per_register.items()):
        print(f"  {register:20s} {n}")
