/** Web plumbing of the kernel: problem details for REST errors and request body limits. */
@NullMarked
package io.entrepot.shared.web;

import org.jspecify.annotations.NullMarked;
