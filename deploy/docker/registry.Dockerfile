# The feature registry service. Build from the repository root:
#   docker build -f deploy/docker/registry.Dockerfile -t emscreen/registry-service:0.1.0 .
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -pl feature-registry/service -am package -DskipTests

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 10001 emscreen && mkdir -p /var/lib/emscreen/artifacts && chown -R emscreen /var/lib/emscreen
COPY --from=build /src/feature-registry/service/target/quarkus-app/ /app/
USER emscreen
# Artifacts are the registry's only local state: mount a volume here.
ENV EMSCREEN_REGISTRY_ARTIFACT_DIR=/var/lib/emscreen/artifacts \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -Dai.djl.offline=true"
EXPOSE 8081
ENTRYPOINT ["java", "-jar", "/app/quarkus-run.jar"]
