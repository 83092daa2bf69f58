/** Finding or starting PostgreSQL, and carrying the acting principal into every transaction. */
@NullMarked
package io.entrepot.shared.database;

import org.jspecify.annotations.NullMarked;
