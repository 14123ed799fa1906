package org.twostep.common.error;

/**
 * An input file or table that is missing, empty or malformed (NaN coordinates, mismatched
 * dimensions, a sigma the reference lacks). The message names the file or table and what was expected.
 */
public final class InvalidInputException extends TwostepException {
  private static final long serialVersionUID = 1L;

  public InvalidInputException(String message) {
    super(message);
  }

  public InvalidInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
