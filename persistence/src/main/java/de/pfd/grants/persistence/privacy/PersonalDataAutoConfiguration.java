package de.pfd.grants.persistence.privacy;

import java.time.Clock;
import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Crypto-shredding (ADR 0012): the event serializer is Axon's Jackson serializer with
 * Spring's object mapper plus {@link PersonalDataModule}, so that every event's personal
 * texts are stored encrypted with their subject's key from {@link SubjectKeys}, in
 * embedded and in distributed mode alike.
 */
@AutoConfiguration(before = AxonAutoConfiguration.class, after = JacksonAutoConfiguration.class)
public class PersonalDataAutoConfiguration {

	@Bean
	SubjectKeys subjectKeys(JdbcTemplate jdbc, ObjectProvider<Clock> clock,
			@Value("${grants.privacy.key-cache-ttl:60s}") Duration ttl) {
		return new SubjectKeys(jdbc, clock.getIfAvailable(Clock::systemUTC), ttl);
	}

	@Bean
	PersonalDataCipher personalDataCipher(SubjectKeys keys) {
		return new PersonalDataCipher(keys);
	}

	@Bean
	GrantFileShredder grantFileShredder(SubjectKeys keys, JdbcTemplate jdbc) {
		return new GrantFileShredder(keys, jdbc);
	}

	/** Reads events stored in revision 1 (plain personal texts), see its description. */
	@Bean
	PersonalDataUpcaster personalDataUpcaster() {
		return new PersonalDataUpcaster();
	}

	@Bean
	@Qualifier("eventSerializer")
	Serializer eventSerializer(ObjectMapper objectMapper, RevisionResolver revisionResolver,
			PersonalDataCipher cipher) {
		return JacksonSerializer.builder()
			.revisionResolver(revisionResolver)
			.converter(new ChainingConverter(objectMapper.getClass().getClassLoader()))
			.objectMapper(objectMapper.copy().registerModule(new PersonalDataModule(cipher)))
			.build();
	}

}
