package de.pfd.grants.server.application;

import de.pfd.grants.server.web.MultiLine;
import jakarta.validation.constraints.Size;

public record WithdrawalRequest(@MultiLine @Size(max = 2000) String reason) {
}
