/**
 * The plots and the Markdown report of SPEC §6: W2 against sigma per model with the training range and the noise
 * floor, projection density images, mu_n against n per warm start, and the tables. Rendering is headless (XChart and
 * Java2D); files are written atomically.
 */
package org.twostep.evaluation.report;
