import org.pinning.Pinned;

final class Plain {
  @Pinned
  Plain() {}

  void run(@Pinned Plain this) {}
}
