/** Typed kinds of bad input; the launcher turns each into one line and exit code 2. */
package org.twostep.common.error;
