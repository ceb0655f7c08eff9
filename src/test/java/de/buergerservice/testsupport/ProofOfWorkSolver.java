package de.buergerservice.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.altcha.altcha.Altcha;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Solves a proof-of-work challenge of {@code GET /api/v1/challenges} as a client would,
 * with ALTCHA's own solver.
 */
public final class ProofOfWorkSolver {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ProofOfWorkSolver() {
	}

	/**
	 * The base64 payload for the {@code proofOfWork} field, from the challenge's JSON.
	 */
	public static String solve(String challengeJson) {
		JsonNode challenge = JSON.readTree(challengeJson);
		try {
			Altcha.Solution solution = Altcha.solveChallenge(challenge.get("challenge").asString(),
					challenge.get("salt").asString(), Altcha.Algorithm.SHA256, challenge.get("maxnumber").asLong(), 0);
			String payload = JSON
				.writeValueAsString(java.util.Map.of("algorithm", challenge.get("algorithm").asString(), "challenge",
						challenge.get("challenge").asString(), "number", solution.number, "salt",
						challenge.get("salt").asString(), "signature", challenge.get("signature").asString()));
			return Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot solve " + challengeJson, ex);
		}
	}

}
