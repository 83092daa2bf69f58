/** REST resources for API keys and the sign-in page. */
@NullMarked
package io.entrepot.identity.web;

import org.jspecify.annotations.NullMarked;
