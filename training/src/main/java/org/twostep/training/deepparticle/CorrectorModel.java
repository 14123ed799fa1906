package org.twostep.training.deepparticle;

import ai.djl.Device;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Locale;
import org.twostep.common.error.InvalidInputException;
import org.twostep.training.config.SigmaFeatureKind;
import org.twostep.training.config.SigmaTransform;
import org.twostep.training.meanflow.SigmaFeatures;
import org.twostep.training.store.ModelCard;
import org.twostep.training.store.ModelDirectory;

/** A finished corrector loaded for inference: its kept weights, both cards, and the maps they imply. */
public final class CorrectorModel implements AutoCloseable {
  private final NDManager manager;
  private final ModelCard card;
  private final CorrectorCard corrector;
  private final Corrector net;

  private CorrectorModel(NDManager manager, ModelCard card, CorrectorCard corrector, Corrector net) {
    this.manager = manager;
    this.card = card;
    this.corrector = corrector;
    this.net = net;
  }

  /** Loads the corrector in {@code dir}; a missing, unfinished or corrupted model is bad input. */
  public static CorrectorModel load(Path dir, Device device) {
    ModelDirectory files = new ModelDirectory(dir);
    ModelCard card = ModelDirectory.readCard(files.card());
    CorrectorCard dp = CorrectorFiles.read(dir.resolve(CorrectorCard.FILE));
    if (card == null || dp == null) {
      throw new InvalidInputException("no corrector in " + dir + " (run `twostep train --stage dp` first)");
    }
    if (!card.finished()) {
      throw new InvalidInputException("the corrector in " + dir + " is unfinished (" + card.stepsDone() + " of "
          + card.stepsPlanned() + " steps)");
    }
    ModelCard.Architecture a = card.architecture();
    SigmaFeatures features = new SigmaFeatures(SigmaFeatureKind.valueOf(a.sigmaFeatures().toUpperCase(Locale.ROOT)),
        SigmaTransform.valueOf(card.sigma().transform().toUpperCase(Locale.ROOT)), card.sigma().featureMin(),
        card.sigma().featureMax(), a.timeFrequencies());
    Coordinates coords = dp.periodic() ? Coordinates.torus(dp.torusLength(), dp.dim())
        : Coordinates.euclidean(card.normalization().standardization());
    CorrectorSpec spec = new CorrectorSpec(dp.inputs(), dp.dim(), dp.width(), dp.blocks());
    NDManager manager = NDManager.newBaseManager(device);
    try {
      NDList params = ModelDirectory.readArrays(files.root().resolve(card.paramsFile()), card.paramsSha256(), manager);
      Corrector c = new Corrector(new CorrectorNet(spec, new ArrayList<>(params)), coords, features, dp.clampSigma());
      return new CorrectorModel(manager, card, dp, c);
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

  public CorrectorCard correctorCard() {
    return corrector;
  }

  Corrector corrector() {
    return net;
  }

  NDManager manager() {
    return manager;
  }

  @Override
  public void close() {
    manager.close();
  }
}
