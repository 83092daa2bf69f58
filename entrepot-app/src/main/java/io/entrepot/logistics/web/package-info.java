/** Logistics over HTTP: carriers' tracking events, disruptions and remediation runs for operators, shipments and reports for sellers. */
@NullMarked
package io.entrepot.logistics.web;

import org.jspecify.annotations.NullMarked;
