package de.pfd.grants.server.application;

import jakarta.validation.constraints.Size;

record WithdrawalRequest(@Size(max = 2000) String reason) {
}
