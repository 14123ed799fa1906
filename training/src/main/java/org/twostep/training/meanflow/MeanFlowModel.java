package org.twostep.training.meanflow;

import ai.djl.Device;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Locale;
import org.twostep.common.error.InvalidInputException;
import org.twostep.training.config.SigmaFeatureKind;
import org.twostep.training.config.SigmaTransform;
import org.twostep.training.data.Standardization;
import org.twostep.training.nn.MeanFlowNet;
import org.twostep.training.nn.NetSpec;
import org.twostep.training.store.ModelCard;
import org.twostep.training.store.ModelDirectory;

/** A finished MeanFlow model loaded for sampling: the EMA weights, their card, and the feature maps it implies. */
public final class MeanFlowModel implements AutoCloseable {
  private final NDManager manager;
  private final ModelCard card;
  private final MeanFlowNet net;
  private final SigmaFeatures features;
  private final Standardization norm;

  private MeanFlowModel(NDManager manager, ModelCard card, MeanFlowNet net, SigmaFeatures features,
      Standardization norm) {
    this.manager = manager;
    this.card = card;
    this.net = net;
    this.features = features;
    this.norm = norm;
  }

  /** Loads the model in {@code dir}; a missing, unfinished or corrupted model is bad input. */
  public static MeanFlowModel load(Path dir, Device device) {
    ModelDirectory files = new ModelDirectory(dir);
    ModelCard card = ModelDirectory.readCard(files.card());
    if (card == null) {
      throw new InvalidInputException("no MeanFlow model in " + dir + ": " + ModelDirectory.CARD
          + " is missing (run `twostep train --stage meanflow` first)");
    }
    if (!card.finished()) {
      throw new InvalidInputException("the MeanFlow model in " + dir + " is unfinished (" + card.stepsDone()
          + " of " + card.stepsPlanned() + " steps)");
    }
    ModelCard.Architecture a = card.architecture();
    SigmaFeatures features = new SigmaFeatures(
        SigmaFeatureKind.valueOf(a.sigmaFeatures().toUpperCase(Locale.ROOT)),
        SigmaTransform.valueOf(card.sigma().transform().toUpperCase(Locale.ROOT)),
        card.sigma().featureMin(), card.sigma().featureMax(), a.timeFrequencies());
    NetSpec spec = new NetSpec(a.dim(), a.sigmaFeatureCount(), a.width(), a.depth(), a.timeFrequencies());
    NDManager manager = NDManager.newBaseManager(device);
    try {
      NDList params = ModelDirectory.readArrays(files.root().resolve(card.paramsFile()), card.paramsSha256(), manager);
      MeanFlowNet net = MeanFlowNet.of(spec, manager, DataType.FLOAT32, new ArrayList<>(params));
      return new MeanFlowModel(manager, card, net, features,
          card.normalization().standardization());
    } catch (IllegalArgumentException e) {
      manager.close();
      throw new InvalidInputException("parameter file of " + dir + " does not match its card: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  public ModelCard card() {
    return card;
  }

  MeanFlowNet net() {
    return net;
  }

  NDManager manager() {
    return manager;
  }

  SigmaFeatures features() {
    return features;
  }

  Standardization normalization() {
    return norm;
  }

  @Override
  public void close() {
    manager.close();
  }
}
