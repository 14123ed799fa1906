package org.twostep.common.error;

/** A configuration key that is unknown, mistyped or out of range. */
public final class InvalidConfigException extends TwostepException {
  private static final long serialVersionUID = 1L;
  private final String key;

  public InvalidConfigException(String key, Object found, String expected) {
    super(key + " must be " + expected + ", found " + describe(found));
    this.key = key;
  }

  public InvalidConfigException(String key, String message) {
    super(key + ": " + message);
    this.key = key;
  }

  /** The full path of the offending key. */
  public String key() {
    return key;
  }

  private static String describe(Object found) {
    return found instanceof String s ? "\"" + s + "\"" : String.valueOf(found);
  }
}
