package de.buergerservice.testsupport;

import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Points every Spring test context at a database of its own (see {@link TestDatabases}).
 * Registered in {@code META-INF/spring.factories}; the customizers are all equal, so
 * Spring's context caching is unaffected.
 */
public class TestDatabaseCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return new OwnDatabase();
	}

	static final class OwnDatabase implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			TestDatabases.Database database = TestDatabases.create();
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("testDatabase",
						Map.of("spring.datasource.url", database.url(), "spring.datasource.username", database.user(),
								"spring.datasource.password", database.password(),
								"buergerservice.embedded-database.enabled", "false")));
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof OwnDatabase;
		}

		@Override
		public int hashCode() {
			return OwnDatabase.class.hashCode();
		}

	}

}
