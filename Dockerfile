# One image per service; JAR names the jar built by ./mvnw package (see docker-compose.yml).
FROM eclipse-temurin:17-jre
ARG JAR
RUN useradd --system --uid 10001 grants
WORKDIR /app
COPY ${JAR} /app/app.jar
USER grants
ENV AXONIQ_UPDATE_CHECKER_DISABLED=true \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
