package org.twostep.common.error;

/**
 * Bad input of any kind: the launcher turns it into one line and exit code 2. Subclasses are the
 * typed kinds tests assert on; solver outcomes are results, never exceptions.
 */
public abstract class TwostepException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected TwostepException(String message) {
    super(message);
  }

  protected TwostepException(String message, Throwable cause) {
    super(message, cause);
  }
}
