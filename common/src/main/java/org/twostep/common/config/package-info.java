/**
 * Configuration (SPEC §7): loading with profiles and overrides, sigma grids (SPEC §1), stage hashes.
 * Typed section records live beside the code that uses them, each with a validating {@code from(Config)}.
 */
package org.twostep.common.config;
