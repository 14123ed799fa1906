package org.twostep.training.config;

/** {@code training.device}: auto takes a GPU when DJL sees one. */
public enum DeviceChoice {
  AUTO,
  CPU,
  GPU
}
