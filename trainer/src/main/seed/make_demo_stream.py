"""Writes deploy/demo/stream.jsonl, the stream `./emscreen demo` imports: the seed data's held-back
validation samples (never seen by the default feature set's SAE or toxic-feature selection), without
their labels, interleaved across domains as a real feed would be. Run from the repository root."""
import json
import random

with open("trainer/src/main/resources/seed/samples.jsonl") as f:
    held_back = [json.loads(line) for line in f if '"split": "validation"' in line]
random.Random(7).shuffle(held_back)
with open("deploy/demo/stream.jsonl", "w") as out:
    for n, s in enumerate(held_back):
        out.write(json.dumps({"id": "demo-%s-%03d" % (s["domain"], n),
                              "domain": s["domain"], "messages": s["messages"],
                              "metadata": {"origin": "seed validation split"}}) + "\n")
print(len(held_back), "samples")
