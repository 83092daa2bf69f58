package io.entrepot.identity.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of a request for a new key. */
record IssueKeyRequest(@NotBlank @Size(max = 100) String label) {
}
