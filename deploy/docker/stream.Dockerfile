# The screening stream (Quarkus + Kafka Streams). Build from the repository root:
#   docker build -f deploy/docker/stream.Dockerfile -t emscreen/screening-stream:0.1.0 .
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -pl screening-stream -am package -DskipTests

FROM eclipse-temurin:17-jre
# curl: the health checks of docker-compose.yml call /q/health/*.
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 10001 emscreen && mkdir -p /var/lib/emscreen && chown emscreen /var/lib/emscreen
COPY --from=build /src/screening-stream/target/quarkus-app/ /app/
USER emscreen
# State (RocksDB) and the feature-set cache live on a volume; DJL never reaches for the network.
ENV KAFKA_STREAMS_STATE_DIR=/var/lib/emscreen/streams \
    EMSCREEN_FEATURE_SET_CACHE_DIR=/var/lib/emscreen/feature-sets \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -Dai.djl.offline=true"
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/quarkus-run.jar"]
