/** Batch commands for operators: same jar, same code paths as the server, no HTTP. */
@NamedInterface("command")
@NullMarked
package io.entrepot.shared.command;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
