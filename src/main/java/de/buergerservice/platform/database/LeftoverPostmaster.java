package de.buergerservice.platform.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server left running on our data directory by an application that was
 * killed without a chance to stop it. It is asked to shut down (SIGTERM: a smart shutdown
 * that keeps every committed transaction) before the embedded database starts again.
 */
final class LeftoverPostmaster {

	private static final Logger LOG = LoggerFactory.getLogger(LeftoverPostmaster.class);

	private LeftoverPostmaster() {
	}

	static void stopIfRunning(Path dataDirectory) throws IOException {
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		if (!Files.isReadable(pidFile)) {
			return;
		}
		String firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
		long pid;
		try {
			pid = Long.parseLong(firstLine);
		}
		catch (NumberFormatException ex) {
			return;
		}
		ProcessHandle.of(pid)
			.filter(ProcessHandle::isAlive)
			.filter(LeftoverPostmaster::isPostgres)
			.ifPresent(process -> {
				LOG.warn("Stopping PostgreSQL (pid {}) left running on {} by an earlier run", pid, dataDirectory);
				process.destroy();
				Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
				while (process.isAlive() && Instant.now().isBefore(deadline)) {
					sleep();
				}
			});
	}

	private static boolean isPostgres(ProcessHandle process) {
		return process.info().command().map(command -> command.contains("postgres")).orElse(true);
	}

	private static void sleep() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
