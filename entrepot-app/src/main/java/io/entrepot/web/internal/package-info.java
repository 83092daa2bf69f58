/** Controllers and configuration behind the shared page chrome. */
@NullMarked
package io.entrepot.web.internal;

import org.jspecify.annotations.NullMarked;
