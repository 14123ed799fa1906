/** Particle clouds as the libraries exchange them (SPEC §7 keeps them as float32 columns on disk). */
package org.twostep.common.data;
