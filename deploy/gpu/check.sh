#!/usr/bin/env bash
# The GPU checks, as one short run on a machine with an NVIDIA GPU (none was lent to this work yet):
#   1. bench-features with a synthetic SAE of Gemma Scope 2B's shape (2304 x 16384): each stage's
#      device, scoring throughput, and SAE encode + pool + score per token against the encoder's;
#   2. evaluate --compare-cpu: the same samples scored on the GPU and on the CPU, the largest score
#      difference against the tolerance (exit 1 beyond it).
# It prints the BENCH and DEVICE_CHECK lines to report, and the readiness of nothing: no broker needed.
#
# Needs a Java 17 runtime and the repository built with ONNX Runtime's CUDA build, where Maven Central
# is reachable:   ./mvnw -B -Pgpu install -DskipTests
# and DJL's PyTorch engine on CUDA: DJL 0.36 is built against PyTorch 2.7.1, so point it at a CUDA
# libtorch 2.7.1 (the pytorch/pytorch:2.7.1-cuda12.8-cudnn9-runtime image has one), e.g.
#   export PYTORCH_LIBRARY_PATH=/opt/conda/lib/python3.11/site-packages/torch/lib PYTORCH_VERSION=2.7.1 PYTORCH_FLAVOR=cu128
# ONNX Runtime's CUDA provider needs CUDA 12 and cuDNN 9 on LD_LIBRARY_PATH (stream-gpu.Dockerfile sets both).
#
# Usage: deploy/gpu/check.sh [FEATURE_SET] [SAMPLES_PER_CLASS]
#   FEATURE_SET        a bundle (default: the default set, built by ./emscreen demo or ./emscreen train)
#   SAMPLES_PER_CLASS  seed samples of each class for the CPU/GPU comparison (default 200)
set -euo pipefail
cd "$(dirname "$0")/../.."

SET=${1:-.emscreen/feature-sets/default}
PER_CLASS=${2:-200}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

command -v nvidia-smi >/dev/null && nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader || echo "no nvidia-smi: the checks will run on the CPU"

SEED=trainer/src/main/resources/seed/samples.jsonl
grep -m "$PER_CLASS" '"label": "inducing"' "$SEED" > "$WORK/inducing.jsonl"
grep -m "$PER_CLASS" '"label": "control"' "$SEED" > "$WORK/control.jsonl"

echo "== 1. throughput and devices, with a synthetic 2304 x 16384 SAE"
./emscreen bench-features --feature-set "$SET" --samples 400 --synthetic-sae 2304x16384

echo "== 2. scores on the GPU against the CPU"
./emscreen evaluate --feature-set "$SET" --inducing "$WORK/inducing.jsonl" --control "$WORK/control.jsonl" --compare-cpu
