package de.pfd.grants.server.grant;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/** Refund claims and interest on the embedded default's database, H2. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "grants.test.database=false",
		"spring.datasource.url=jdbc:h2:mem:refund-claims;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"spring.datasource.username=sa", "spring.datasource.password=" })
class RefundClaimsOnH2ApiTest extends RefundClaimsApiTest {

}
