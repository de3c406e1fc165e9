import org.pinning.Pinned;

@Pinned final class Task {}

final class Bad {
  @Pinned
  void run() {}

  Object make() {
    return new @Pinned Task();
  }
}
