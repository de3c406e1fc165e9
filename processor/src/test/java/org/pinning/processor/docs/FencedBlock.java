package org.pinning.processor.docs;

import java.util.ArrayList;
import java.util.List;

/**
 * One fenced code block of a Markdown file: the heading it sits under, the line of its opening
 * fence, its language tag ({@code ""} if none) and its text, each line ending in a newline.
 */
record FencedBlock(String heading, int line, String language, String text) {

  /** The fenced blocks of {@code markdown}, in order. */
  static List<FencedBlock> all(String markdown) {
    List<FencedBlock> blocks = new ArrayList<>();
    String heading = "";
    String[] lines = markdown.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].startsWith("#")) {
        heading = lines[i];
      } else if (lines[i].startsWith("```")) {
        int open = i;
        StringBuilder text = new StringBuilder();
        for (i++; i < lines.length && !lines[i].startsWith("```"); i++) {
          text.append(lines[i]).append('\n');
        }
        blocks.add(
            new FencedBlock(heading, open + 1, lines[open].substring(3).trim(), text.toString()));
      }
    }
    return blocks;
  }
}
