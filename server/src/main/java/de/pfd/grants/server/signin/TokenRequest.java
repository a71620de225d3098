package de.pfd.grants.server.signin;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A new personal access token: what it is for, and for how many days it is valid. */
record TokenRequest(
		@NotBlank(message = "ist erforderlich / is required") @Size(max = 100,
				message = "höchstens 100 Zeichen / at most 100 characters") String name,
		@NotNull(message = "ist erforderlich (1 bis 365 Tage) / is required (1 to 365 days)") @Min(value = 1,
				message = "mindestens 1 Tag / at least 1 day") @Max(value = 365,
						message = "höchstens 365 Tage / at most 365 days") Integer expiresInDays) {
}
