/** The {@code evaluate}, {@code warm_start} and {@code report} sections (SPEC §6, §7), one validated record each. */
package org.twostep.evaluation.config;
