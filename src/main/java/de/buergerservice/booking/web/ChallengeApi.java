package de.buergerservice.booking.web;

import de.buergerservice.booking.internal.ProofOfWork;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.altcha.altcha.Altcha;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/challenges}: a proof-of-work challenge (ALTCHA) to solve before booking.
 * The solution goes into the booking's {@code proofOfWork} field as ALTCHA's base64
 * payload.
 */
@RestController
@Tag(name = "Appointments")
class ChallengeApi {

	private final ProofOfWork proofOfWork;

	ChallengeApi(ProofOfWork proofOfWork) {
		this.proofOfWork = proofOfWork;
	}

	@GetMapping("/api/v1/challenges")
	@Operation(summary = "A proof-of-work challenge: find the number n (0 ≤ n ≤ maxnumber) with "
			+ "SHA-256(salt + n) = challenge; each solves one booking")
	ResponseEntity<Altcha.Challenge> challenge() {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(proofOfWork.challenge());
	}

}
