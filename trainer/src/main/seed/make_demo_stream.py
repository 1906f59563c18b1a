"""Writes deploy/demo/stream.jsonl, the stream `./emscreen demo` imports: held-back samples of the seed
corpus's validation split (never seen by the default feature set's SAE or toxic-feature selection),
six inducing and six control per register, without their labels, interleaved across registers as a
real feed would be. Run from the repository root after generate_corpus.py."""
import json
import random
from collections import defaultdict

PER_SIDE = 6

with open("trainer/src/main/resources/seed/samples.jsonl") as f:
    held_back = [json.loads(line) for line in f if '"split": "validation"' in line]
rng = random.Random(7)
rng.shuffle(held_back)
chosen = defaultdict(list)
for s in held_back:
    side = chosen[(s["domain"], s["label"])]
    if len(side) < PER_SIDE:
        side.append(s)
stream = [s for side in chosen.values() for s in side]
rng.shuffle(stream)
with open("deploy/demo/stream.jsonl", "w") as out:
    for n, s in enumerate(stream):
        out.write(json.dumps({"id": "demo-%s-%03d" % (s["domain"], n),
                              "domain": s["domain"], "messages": s["messages"],
                              "metadata": {"origin": "seed validation split"}}, ensure_ascii=False) + "\n")
print(len(stream), "samples")
