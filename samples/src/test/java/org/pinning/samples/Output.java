package org.pinning.samples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs a sample's {@code main} with {@code System.out} captured. */
public final class Output {
  private Output() {}

  /** The sample's main. */
  @FunctionalInterface
  public interface Main {
    void run(String[] args) throws Exception;
  }

  /** Returns everything {@code main} printed, with line ends normalised to {@code \n}. */
  public static String of(Main main) throws Exception {
    PrintStream saved = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      System.setOut(capture);
      main.run(new String[0]);
    } finally {
      System.setOut(saved);
    }
    return bytes.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
  }
}
