/**
 * Files outside Spark's tables: particle clouds named on the command line (SPEC §7 columns x, y[, z[, w]]; CSV and
 * Parquet), and {@link org.twostep.jobs.io.RunStorage}, the one way a run's other files reach any Hadoop file system.
 */
package org.twostep.jobs.io;
