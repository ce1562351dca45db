# syntax=docker/dockerfile:1
# One image per service of this repository, chosen with the MODULE build argument:
#   docker build --build-arg MODULE=gateway -t wallet-gateway .
# MODULE is one of: gateway, processor, webhook-ingest, stripe-emulator, migrate (the one-shot schema migration).
# docker-compose.yml builds all four from this file.

FROM maven:3.9-eclipse-temurin-17 AS build
ARG MODULE
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    { [ -n "${MODULE}" ] || { echo "build with --build-arg MODULE=gateway|processor|webhook-ingest|stripe-emulator|migrate" >&2; exit 1; }; } && \
    mvn -B -q -DskipTests -pl "${MODULE}" -am package && \
    cp "${MODULE}/target/${MODULE}-0.1.0-SNAPSHOT.jar" /app.jar

FROM eclipse-temurin:17-jre
# curl for the health checks.
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --no-create-home wallet
COPY --from=build /app.jar /app/app.jar
USER wallet
ENV JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/app.jar"]
