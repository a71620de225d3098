package de.pfd.grants.server.operations;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

/** Dead letters on the test database (PostgreSQL in CI). */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "grants.read-your-writes-timeout=PT2S")
@Import(DeadLettersApiTestSupport.WithFailingProjection.class)
class DeadLettersOnPostgresApiTest extends DeadLettersApiTestSupport {

}
