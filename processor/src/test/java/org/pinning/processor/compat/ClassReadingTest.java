package org.pinning.processor.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pinning.processor.PinCompiler.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pinning.Pinned;
import org.pinning.processor.PinPlugin;

/**
 * The checks read no class file javac would not read itself. Listing the members of a class makes
 * javac read the class file of each of its nested classes; asked of every JDK type a compilation
 * names, that once doubled the class files javac read on Guava (526 to 965).
 */
class ClassReadingTest {
  private static final JavaFileObject USER =
      source(
          "demo.User",
          """
          package demo;
          import java.io.ObjectInputStream;
          import java.util.HashMap;
          import java.util.Map;
          import java.util.concurrent.ConcurrentHashMap;
          public final class User {
            private final Map<String, Character> seen = new HashMap<>();
            private final ConcurrentHashMap<String, Integer> counts = new ConcurrentHashMap<>();
            int read(ObjectInputStream in) throws Exception {
              Character first = Character.valueOf((char) in.read());
              seen.put("first", first);
              counts.merge("reads", 1, Integer::sum);
              return Character.getNumericValue(first) + Thread.currentThread().getPriority();
            }
          }
          """);

  /** The types the rules name themselves (§4.3 copies, §4.7 containers): read once each. */
  private static final Set<String> RULES_NAME =
      Set.of("Cloneable", "Serializable", "Externalizable", "Iterable");

  @TempDir Path temp;

  @Test
  void theChecksMakeJavacReadNoOtherClassFile() throws IOException, InterruptedException {
    Set<String> alone = classFilesRead(false);
    Set<String> checked = classFilesRead(true);
    assertTrue(alone.size() > 50, "javac -verbose lists the class files it reads: " + alone);
    Set<String> extra = new TreeSet<>();
    for (String line : checked) {
      if (!alone.contains(line) && !RULES_NAME.contains(line.replaceAll(".*/|\\.class]$", ""))) {
        extra.add(line);
      }
    }
    assertEquals(Set.of(), extra, "class files read only because of the checks");
  }

  /**
   * The class files javac reads compiling {@link #USER}, with or without the plugin. A javac of its
   * own: in this JVM, javac would find the plugin on the test class path even without asking.
   */
  private Set<String> classFilesRead(boolean withChecks) throws IOException, InterruptedException {
    Path sources = Files.createTempDirectory(temp, "src");
    Path file = sources.resolve("User.java");
    Files.writeString(file, USER.getCharContent(true));
    Path out = Files.createTempDirectory(temp, "classes");
    Path nothing = Files.createTempDirectory(temp, "nothing");
    Path javac = Path.of(System.getProperty("java.home"), "bin", "javac");
    List<String> command =
        new ArrayList<>(
            List.of(
                javac.toString(),
                "-verbose",
                "-proc:none",
                "-d",
                out.toString(),
                // The annotations are on the class path, as in a user's build.
                "-classpath",
                locationOf(Pinned.class)));
    if (withChecks) {
      command.addAll(
          List.of("-processorpath", locationOf(PinPlugin.class), "-Xplugin:Pinning stats=true"));
    } else {
      command.addAll(List.of("-processorpath", nothing.toString()));
    }
    command.add(file.toString());
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.waitFor(), log);
    assertEquals(withChecks, log.contains("classes checked"), "the plugin ran");
    Set<String> read = new TreeSet<>();
    for (String line : log.split("\n")) {
      if (line.startsWith("[loading ")) {
        read.add(line.trim());
      }
    }
    return read;
  }

  private static String locationOf(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
