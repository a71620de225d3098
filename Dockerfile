# One image per service, built from the jar of `./mvnw -B -DskipTests package` (JAR names it, PORT is
# the port the service listens on; see docker-compose.yml). Two stages: the first unpacks the Spring
# Boot jar into its layers (dependencies change rarely, the application often), the second copies
# them one layer each, so a rebuild after a code change ships only the application layer.
FROM eclipse-temurin:17-jre AS layers
ARG JAR
WORKDIR /build
COPY ${JAR} app.jar
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

FROM eclipse-temurin:17-jre
ARG PORT=8080
# curl only for the HEALTHCHECK below
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --no-create-home grants
WORKDIR /app
COPY --from=layers /build/extracted/dependencies/ ./
COPY --from=layers /build/extracted/spring-boot-loader/ ./
COPY --from=layers /build/extracted/snapshot-dependencies/ ./
COPY --from=layers /build/extracted/application/ ./
# the embedded default's files (GRANTS_DATA_DIR) belong to the service's user
RUN mkdir -p /app/data && chown grants /app/data
USER grants
ENV AXONIQ_UPDATE_CHECKER_DISABLED=true \
    GRANTS_DATA_DIR=/app/data \
    PORT=${PORT} \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
EXPOSE ${PORT}
# ready = started, database reachable, processors running (Actuator's readiness group)
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD curl -fsS "http://127.0.0.1:${PORT}/actuator/health/readiness" >/dev/null || exit 1
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
