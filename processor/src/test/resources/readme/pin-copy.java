import org.pinning.Pinned;

@Pinned class A implements Cloneable {}

@Pinned class B {
  @Override
  public B clone() {
    return new B();
  }
}

@Pinned record C(int x) {}

@Pinned final class D {
  int state;

  D(D other) {
    this.state = other.state;
  }
}

final class Bad {
  B twin(@Pinned B b) {
    return b.clone();
  }
}
