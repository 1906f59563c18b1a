# The screening stream on a CUDA GPU: the encoder and the SAE both on the device. ONNX encoders run on ONNX Runtime's
# CUDA build (the gpu Maven profile puts com.microsoft.onnxruntime:onnxruntime_gpu in place of the CPU build); TorchScript
# encoders and the SAE run on DJL PyTorch. DJL 0.36's JNI is built against PyTorch 2.7.1, and Maven Central has
# no CUDA native jar for it, so this image borrows libtorch from the PyTorch 2.7.1 CUDA image and points
# DJL at it (PYTORCH_LIBRARY_PATH, which DJL reads before any native jar on the class path). Not exercised on this project's CI (no
# GPU, no Docker engine): check `... device cuda:0 ...; ONNX encoders on ONNX Runtime, CUDA provider present` in the log after start, and
# `encoderDevice`/`saeDevice` in /q/health/ready once a set serves.
#   docker build -f deploy/docker/stream-gpu.Dockerfile -t emscreen/screening-stream:0.1.0-gpu .
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -Pgpu -pl screening-stream -am package -DskipTests

FROM eclipse-temurin:17-jre AS jre

FROM pytorch/pytorch:2.7.1-cuda12.8-cudnn9-runtime
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 10001 emscreen && mkdir -p /var/lib/emscreen && chown emscreen /var/lib/emscreen
COPY --from=jre /opt/java/openjdk /opt/java/openjdk
COPY --from=build /src/screening-stream/target/quarkus-app/ /app/
USER emscreen
ENV PATH=/opt/java/openjdk/bin:$PATH \
    PYTORCH_LIBRARY_PATH=/opt/conda/lib/python3.11/site-packages/torch/lib \
    PYTORCH_VERSION=2.7.1 \
    PYTORCH_FLAVOR=cu128 \
    # ONNX Runtime's CUDA provider loads CUDA 12 and cuDNN 9 from the library path: the image's own, from PyTorch's wheels.
    LD_LIBRARY_PATH=/opt/conda/lib/python3.11/site-packages/nvidia/cublas/lib:/opt/conda/lib/python3.11/site-packages/nvidia/cudnn/lib:/opt/conda/lib/python3.11/site-packages/nvidia/cuda_runtime/lib:/opt/conda/lib/python3.11/site-packages/nvidia/cufft/lib:/opt/conda/lib/python3.11/site-packages/nvidia/curand/lib:/opt/conda/lib/python3.11/site-packages/torch/lib \
    KAFKA_STREAMS_STATE_DIR=/var/lib/emscreen/streams \
    EMSCREEN_FEATURE_SET_CACHE_DIR=/var/lib/emscreen/feature-sets \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -Dai.djl.offline=true"
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/quarkus-run.jar"]
