/** Particle clouds from files named on the command line (SPEC §7 columns x, y[, z[, w]]): CSV and Parquet. */
package org.twostep.jobs.io;
