package org.twostep.jobs.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A completion marker is JSON both ways, reads the markers older runs wrote, and matches hash and sigma exactly. */
class CompletionMarkerTest {

  @Test
  void roundTripsAndLeavesAbsentFieldsOut() {
    CompletionMarker m = CompletionMarker.of("04650cb375ec4c0d", "0.1.0-dev").withSigma(0.1 + 0.2);
    String json = m.toJson();
    assertTrue(json.contains("\"config_hash\":\"04650cb375ec4c0d\"") && !json.contains("model"), json);
    assertEquals(m, CompletionMarker.parse(json));
    assertTrue(CompletionMarker.parse(json).hasSigma(0.1 + 0.2));
    assertFalse(CompletionMarker.parse(json).hasSigma(0.3), "0.1 + 0.2 is not 0.3: sigma matches to the last bit");
  }

  @Test
  void readsTheMarkersEarlierRunsWrote() {
    CompletionMarker simulate = CompletionMarker.parse("{\"config_hash\":\"abc\",\"sigma\":20.0,\"code_version\":\"v1\","
        + "\"written_at\":\"2026-11-30T10:00:00Z\"}");
    assertTrue(simulate.hasHash("abc") && simulate.hasSigma(20.0));
    assertFalse(simulate.hasHash("abcd"), "a hash is matched whole, not as a prefix or substring");
    assertEquals("v1", simulate.codeVersion());
    CompletionMarker generated = CompletionMarker.parse("{\"config_hash\":\"h-s2\",\"code_version\":\"v1\","
        + "\"model\":\"meanflow_2step\",\"written_at\":\"2026-11-30T10:00:00Z\"}");
    assertEquals("meanflow_2step", generated.model());
    assertFalse(generated.hasSigma(20.0));
  }

  @Test
  void aMarkerThatIsNotJsonMarksNothingComplete() {
    assertNull(CompletionMarker.parse("{\"config_hash\":"));
    assertNull(CompletionMarker.parse(null));
    assertFalse(CompletionMarker.parse("{}").hasHash("abc"));
  }
}
