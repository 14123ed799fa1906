/**
 * Typed records of the training module's configuration sections ({@code model}, {@code meanflow},
 * {@code training}), one {@code from(Config)} each, validated with the full key path (SPEC §2, §7).
 */
package org.twostep.training.config;
