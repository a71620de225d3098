package de.pfd.grants.server.operations;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

/** Dead letters on the embedded default's database, H2 (in memory here). */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "grants.read-your-writes-timeout=PT2S",
		"grants.test.database=false",
		"spring.datasource.url=jdbc:h2:mem:dead-letters;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"spring.datasource.username=sa", "spring.datasource.password=" })
@Import(DeadLettersApiTestSupport.WithFailingProjection.class)
class DeadLettersOnH2ApiTest extends DeadLettersApiTestSupport {

}
