/**
 * The KPP warm-start study (SPEC §6) and the front speed from a lambda scan (SPEC §1.2:
 * {@code c* = inf_lambda (mu(lambda) + 1) / lambda}), on the Feynman-Kac system of module {@code simulation}.
 */
package org.twostep.evaluation.warmstart;
