@NullMarked
package io.entrepot.governance.internal;

import org.jspecify.annotations.NullMarked;
