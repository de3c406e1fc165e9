package org.pinning.processor.options;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The options of the pin checker (DESIGN.md §7), parsed and validated in this one place.
 *
 * <p>They arrive as {@code -Apin.severity=warning} through the processor, or as {@code
 * -Xplugin:Pinning severity=warning} to the plugin; both spellings end up here, keyed with the
 * {@code pin.} prefix. Unknown {@code pin.} keys are kept so that the caller can warn about them.
 */
public final class PinOptions {
  public static final String SEVERITY = "pin.severity";
  public static final String GENERATE = "pin.generate";
  public static final String BORROWING = "pin.borrowing";
  public static final String STATS = "pin.stats";

  /** Every option the checker knows, in the order the README lists them. */
  public static final Set<String> KNOWN = Set.of(SEVERITY, GENERATE, BORROWING, STATS);

  private static final PinOptions DEFAULTS = new PinOptions(Map.of());

  private final Map<String, String> values;
  private final boolean errorsAsWarnings;
  private final boolean generate;
  private final boolean stats;
  private final List<String> borrowing;
  private final List<String> problems;

  private PinOptions(Map<String, String> values) {
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    List<String> found = new ArrayList<>();
    this.errorsAsWarnings = parseChoice(values, SEVERITY, "error", "warning", found);
    this.generate = !parseChoice(values, GENERATE, "true", "false", found);
    this.stats = parseChoice(values, STATS, "false", "true", found);
    this.borrowing = parseList(values.get(BORROWING));
    if (values.containsKey(BORROWING) && borrowing.isEmpty()) {
      found.add(
          "option '"
              + BORROWING
              + "' was given no entries; it takes Type#method entries (Type#* for every method),"
              + " as '"
              + BORROWING
              + "=com.acme.Log#debug'");
    }
    for (String entry : borrowing) {
      if (!entry.matches("[\\w.$*]+#([\\w$*]+|<init>)")) {
        found.add(
            "option '"
                + BORROWING
                + "' takes Type#method entries (Type#* for every method), not '"
                + entry
                + "'");
      }
    }
    for (String key : new TreeSet<>(values.keySet())) {
      if (key.startsWith("pin.") && !KNOWN.contains(key)) {
        found.add("unknown option '" + key + "'; the known options are " + new TreeSet<>(KNOWN));
      }
    }
    this.problems = List.copyOf(found);
  }

  /** The options as given, with defaults for the rest. */
  public static PinOptions parse(Map<String, String> options) {
    return new PinOptions(options);
  }

  /** No options given. */
  public static PinOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Options given to the plugin as {@code key=value} arguments ({@code -Xplugin:Pinning
   * severity=warning}); keys may be written with or without the {@code pin.} prefix.
   */
  public static Map<String, String> fromPluginArguments(String... args) {
    Map<String, String> map = new LinkedHashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      String key = eq < 0 ? arg : arg.substring(0, eq);
      key = key.startsWith("pin.") ? key : "pin." + key;
      map.put(key, eq < 0 ? valueOfAFlag(key) : arg.substring(eq + 1));
    }
    return map;
  }

  /** This compilation's options: {@code base}, overridden key by key by {@code winning}. */
  public static PinOptions merge(Map<String, String> base, Map<String, String> winning) {
    Map<String, String> merged = new LinkedHashMap<>(base);
    merged.putAll(winning);
    return new PinOptions(merged);
  }

  /** Only the {@code pin.} entries of a processor's option map. */
  public static Map<String, String> pinEntries(Map<String, String> processorOptions) {
    Map<String, String> map = new LinkedHashMap<>();
    processorOptions.forEach(
        (key, value) -> {
          if (key.startsWith("pin.")) {
            map.put(key, value == null ? valueOfAFlag(key) : value);
          }
        });
    return map;
  }

  /**
   * The value of an option given without one: {@code -Apin.stats} reads as {@code true}, but {@code
   * -Apin.borrowing} as no entries. javac hands {@code -Apin.borrowing=} over without a value too,
   * so that the two cannot be told apart, and neither is an entry named "true".
   */
  private static String valueOfAFlag(String key) {
    return key.equals(BORROWING) ? "" : "true";
  }

  public Map<String, String> values() {
    return values;
  }

  /** {@code -Apin.severity=warning}: every pin error is reported as a warning. */
  public boolean errorsAsWarnings() {
    return errorsAsWarnings;
  }

  /** {@code -Apin.generate=false} turns projections off. */
  public boolean generate() {
    return generate;
  }

  /** {@code -Apin.stats=true}: one note with what the checker did and what it cost. */
  public boolean stats() {
    return stats;
  }

  /** {@code -Apin.borrowing=Type#method,...}: more borrowing methods, as written. */
  public List<String> borrowing() {
    return borrowing;
  }

  /** What was wrong with the options: unknown keys and values out of range, one line each. */
  public List<String> problems() {
    return problems;
  }

  /** True for {@code whenSet}, false for {@code byDefault}, a problem for anything else. */
  private static boolean parseChoice(
      Map<String, String> values,
      String key,
      String byDefault,
      String whenSet,
      List<String> found) {
    String value = values.get(key);
    if (value == null || value.equals(byDefault)) {
      return false;
    }
    if (value.equals(whenSet)) {
      return true;
    }
    found.add(
        "option '" + key + "' takes '" + byDefault + "' or '" + whenSet + "', not '" + value + "'");
    return false;
  }

  private static List<String> parseList(String value) {
    if (value == null || value.isBlank()) {
      return List.of();
    }
    List<String> items = new ArrayList<>();
    for (String item : value.split(",")) {
      if (!item.isBlank()) {
        items.add(item.trim());
      }
    }
    return List.copyOf(items);
  }
}
