/** Counter-based seeding (SPEC §1): every random stream is a pure function of (root seed, task coordinates). */
package org.twostep.common.rng;
