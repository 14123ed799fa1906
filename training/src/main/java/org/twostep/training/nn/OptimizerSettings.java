package org.twostep.training.nn;

/** Adam's betas and epsilon and the EMA decay, as a trainer's configuration section states them. */
public interface OptimizerSettings {
  double adamBeta1();

  double adamBeta2();

  double adamEps();

  double emaDecay();
}
