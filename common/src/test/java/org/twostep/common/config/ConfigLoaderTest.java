package org.twostep.common.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twostep.common.error.InvalidConfigException;
import org.twostep.common.error.InvalidInputException;

class ConfigLoaderTest {
  @TempDir Path dir;

  private Path file(String text) throws IOException {
    Path f = dir.resolve("exp.conf");
    Files.writeString(f, text);
    return f;
  }

  private static final String EXP = """
      experiment { name = "demo", seed = 7 }
      sigma.test = [10, 20, 30]
      sigma.train = [10, 30]
      profiles {
        quick { experiment.seed = 8 }
      }
      """;

  @Test
  void layersReferenceFileProfileAndOverridesInThatOrder() throws IOException {
    Path f = file(EXP);
    Config plain = ConfigLoader.load(f, null, List.of());
    assertEquals(7, plain.getLong("experiment.seed"));
    assertEquals("runs/demo", plain.getString("experiment.out"), "reference substitution sees the file's name");
    assertEquals("ks", plain.getString("experiment.system"), "untouched keys come from reference.conf");
    Config quick = ConfigLoader.load(f, "quick", List.of());
    assertEquals(8, quick.getLong("experiment.seed"));
    Config over = ConfigLoader.load(f, "quick", List.of("experiment.seed=9", "sigma.test=[10,30]"));
    assertEquals(9, over.getLong("experiment.seed"));
    assertArrayEquals(new double[] {10, 30}, SigmaGrid.from(over, "sigma.test").values());
  }

  @Test
  void unknownKeyIsRejectedWithItsPath() throws IOException {
    Path f = file(EXP + "\nexperiment.sed = 3\n");
    InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> ConfigLoader.load(f, null, List.of()));
    assertEquals("experiment.sed", e.key());
    InvalidConfigException o = assertThrows(InvalidConfigException.class,
        () -> ConfigLoader.load(file(EXP), null, List.of("sigma.tset=[1]")));
    assertEquals("sigma.tset", o.key());
  }

  @Test
  void wrongTypeIsRejectedWithPathValueAndExpectation() throws IOException {
    Path f = file(EXP);
    InvalidConfigException e = assertThrows(InvalidConfigException.class,
        () -> ConfigLoader.load(f, null, List.of("experiment.seed=abc")));
    assertEquals("experiment.seed", e.key());
    assertTrue(e.getMessage().contains("abc") && e.getMessage().contains("NUMBER"), e.getMessage());
  }

  @Test
  void missingProfileNamesTheProfilesThatExist() throws IOException {
    Path f = file(EXP);
    InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> ConfigLoader.load(f, "paper", List.of()));
    assertEquals("profiles.paper", e.key());
    assertTrue(e.getMessage().contains("quick"), e.getMessage());
  }

  @Test
  void missingFileAndMalformedOverrideAreClearErrors() throws IOException {
    InvalidInputException missing = assertThrows(InvalidInputException.class,
        () -> ConfigLoader.load(dir.resolve("nope.conf"), null, List.of()));
    assertTrue(missing.getMessage().contains("nope.conf"));
    InvalidConfigException bad = assertThrows(InvalidConfigException.class,
        () -> ConfigLoader.load(file(EXP), null, List.of("experiment.seed")));
    assertTrue(bad.getMessage().contains("key=value"));
  }

  @Test
  void hashIgnoresFormattingAndRunDirectoryButNotValues() throws IOException {
    Config a = ConfigLoader.load(file(EXP), null, List.of());
    Config b = ConfigLoader.load(file("# a comment\n" + EXP.replace("seed = 7", "seed    =    7")), null,
        List.of("experiment.out=elsewhere"));
    Config c = ConfigLoader.load(file(EXP), null, List.of("experiment.seed=70"));
    assertEquals(ConfigHash.simulation(a), ConfigHash.simulation(b));
    assertNotEquals(ConfigHash.simulation(a), ConfigHash.simulation(c));
  }
}
