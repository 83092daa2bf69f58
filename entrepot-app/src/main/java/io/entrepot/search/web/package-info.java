/** Search web. */
@NullMarked
package io.entrepot.search.web;

import org.jspecify.annotations.NullMarked;
