package de.pfd.grants.server.operations;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Staff see the events a read model could not apply, and retry them after a fix. */
@RestController
@Tag(name = "Operations", description = "Betrieb: Ereignisse, die eine Projektion nicht anwenden konnte")
@SecurityRequirement(name = "basic")
class DeadLetterController {

	private final DeadLetters deadLetters;

	DeadLetterController(DeadLetters deadLetters) {
		this.deadLetters = deadLetters;
	}

	@GetMapping("/api/dead-letters")
	@PreAuthorize("hasAnyRole('STAFF', 'AUDITOR')")
	@Operation(summary = "Sequences of events a projection or process could not apply, with the cause")
	List<DeadLetters.DeadLetter> list() {
		return this.deadLetters.list();
	}

	@PostMapping("/api/dead-letters/{processingGroup}/retry")
	@PreAuthorize("hasRole('STAFF')")
	@Operation(summary = "Apply the waiting events of a processing group again (after a fix)")
	DeadLetters.Retried retry(@PathVariable String processingGroup) {
		return this.deadLetters.retry(processingGroup);
	}

}
