import java.util.Iterator;
import java.util.Map;
import org.pinning.Pinned;

@Pinned final class Task {}

final class Bad {
  @Pinned
  void run() {}

  Object make() {
    return new @Pinned Task();
  }
}

abstract class Entries implements Iterator<@Pinned Map.Entry<String, Task>> {}
