import com.sun.source.util.JavacTask;
import com.sun.source.util.Plugin;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;

/**
 * The floor of any javac plugin: it listens and does nothing. Once a TaskListener exists, javac
 * parses keeping comments and end positions (JavaCompiler.parse), which costs memory whatever
 * the listener does; the checks pay this too.
 */
public final class IdlePlugin implements Plugin {
  @Override
  public String getName() {
    return "Idle";
  }

  @Override
  public boolean autoStart() {
    return true;
  }

  @Override
  public void init(JavacTask task, String... args) {
    task.addTaskListener(
        new TaskListener() {
          @Override
          public void finished(TaskEvent event) {}
        });
  }
}
