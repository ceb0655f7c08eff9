package de.buergerservice;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * Bürgerservice: a city's citizen services in one modular application.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(systemName = "Bürgerservice", sharedModules = "shared")
public class BuergerserviceApplication {

	public static void main(String[] args) {
		SpringApplication.run(BuergerserviceApplication.class, args);
	}

}
