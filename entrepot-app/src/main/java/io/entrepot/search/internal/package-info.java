/** Search internal. */
@NullMarked
package io.entrepot.search.internal;

import org.jspecify.annotations.NullMarked;
