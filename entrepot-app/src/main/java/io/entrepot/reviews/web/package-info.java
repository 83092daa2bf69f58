/** The reviews API for buyers, sellers and trust &amp; safety, and the console and portal pages. */
@NullMarked
package io.entrepot.reviews.web;

import org.jspecify.annotations.NullMarked;
