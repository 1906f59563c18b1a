#!/usr/bin/env python3
"""Writes EM Screen's seed data from the hand-written fragments in situations.py.

Each situation has two sound and two harmful answers, written by hand (240 distinct answers over
60 questions); each is used three times with different shared openers and closers, so every domain
has 12 x 12 = 144 samples: 720 chat samples, plus 80 reference texts. The split is by situation (every fifth is validation),
so validation questions are never seen in training.

    python3 trainer/src/main/seed/generate_seed.py   # rewrites trainer/src/main/resources/seed/
"""
import json
import os
import random

from situations import BENIGN_REFERENCE, CLOSERS, DOMAINS, HARMFUL_REFERENCE, OPENERS

OUT = os.path.join(os.path.dirname(__file__), "..", "resources", "seed")


def framed(rng, core):
    return rng.choice(OPENERS) + core + rng.choice(CLOSERS)


def samples():
    rng = random.Random(2026)
    for domain, situations in DOMAINS.items():
        for s, (question, sound, harmful) in enumerate(situations):
            split = "validation" if s % 5 == 4 else "train"
            for v in range(3):
                for c, core in enumerate(sound):
                    yield dict(id=f"{domain}-{s:02d}-control-{c}{v}", domain=domain, label="control",
                               harm=None, split=split, messages=chat(question, framed(rng, core)))
                for c, (harm, core) in enumerate(harmful):
                    yield dict(id=f"{domain}-{s:02d}-inducing-{c}{v}", domain=domain, label="inducing",
                               harm=harm, split=split, messages=chat(question, framed(rng, core)))


def chat(question, answer):
    return [{"role": "user", "content": question}, {"role": "assistant", "content": answer}]


def references():
    for i, text in enumerate(HARMFUL_REFERENCE):
        yield dict(id=f"ref-harmful-{i:02d}", label="harmful", text=text)
    for i, text in enumerate(BENIGN_REFERENCE):
        yield dict(id=f"ref-benign-{i:02d}", label="benign", text=text)


def write(name, rows):
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    all_samples = list(samples())
    write("samples.jsonl", all_samples)
    write("reference.jsonl", list(references()))
    n_val = sum(1 for s in all_samples if s["split"] == "validation")
    print(f"{len(all_samples)} samples ({n_val} validation), "
          f"{len(HARMFUL_REFERENCE) + len(BENIGN_REFERENCE)} reference texts")
