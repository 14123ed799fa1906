package org.twostep.training.meanflow;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import org.twostep.common.error.InvalidConfigException;
import org.twostep.training.config.DeviceChoice;
import org.twostep.training.config.TrainingConfig;

/** Engine start-up: thread counts (inter-op fixed before the engine loads) and the device of {@code training.device}. */
public final class Devices {
  private Devices() {}

  /**
   * Sets PyTorch's thread counts and returns the device to train on. Synchronized: the pipeline starts stages side by
   * side, and the engine is loaded once, by whichever comes first.
   */
  public static synchronized Device configure(TrainingConfig training) {
    // read by the PyTorch engine when it starts; later changes of inter-op threads are ignored by PyTorch
    if (System.getProperty("ai.djl.pytorch.num_interop_threads") == null) {
      System.setProperty("ai.djl.pytorch.num_interop_threads", Integer.toString(training.interopThreads()));
    }
    if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
      System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(training.threads()));
    }
    Engine engine = Engine.getEngine("PyTorch");
    JniUtils.setNumThreads(training.threads());
    int gpus = engine.getGpuCount();
    if (training.device() == DeviceChoice.GPU && gpus == 0) {
      throw new InvalidConfigException("training.device", "gpu", "auto or cpu: DJL sees no GPU on this machine");
    }
    return training.device() != DeviceChoice.CPU && gpus > 0 ? Device.gpu() : Device.cpu();
  }
}
