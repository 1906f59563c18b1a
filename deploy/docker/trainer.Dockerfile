# The trainer job (train, publish, score, evaluate, learning-curve). Build from the repository root:
#   docker build -f deploy/docker/trainer.Dockerfile -t emscreen/trainer:0.1.0 .
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -pl trainer -am package -DskipTests

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 emscreen && mkdir -p /var/lib/emscreen && chown emscreen /var/lib/emscreen
COPY --from=build /src/trainer/target/classes/ /app/classes/
COPY --from=build /src/trainer/target/lib/ /app/lib/
USER emscreen
WORKDIR /var/lib/emscreen
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -Dai.djl.offline=true"
ENTRYPOINT ["java", "-cp", "/app/classes:/app/lib/*", "dev.emscreen.trainer.Main"]
CMD ["--help"]
