/** Trained samplers behind one interface: cloud = generate(sigma, n, seed) (SPEC §2 sampling, §4 baselines). */
package org.twostep.training.generate;
