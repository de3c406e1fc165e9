import org.pinning.Pinned;
import org.pinning.Unpin;

@Pinned class Base {}

@Unpin class Sub extends Base {}

@Unpin class Plain {}

@Pinned final class Task extends Plain {}

final class Bad {
  @Pinned @Unpin final Object o = new Object();
}
