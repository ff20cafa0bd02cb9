package io.github.purenet.testing;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.platform.commons.annotation.Testable;

/**
 * The test that checks a {@link Property}, named as Maven Surefire's {@code -Dtest} option names
 * it ({@code SimpleClassName#method}), and the command that reruns it.
 *
 * @param className the test's class, without its package ({@code Outer$Inner} for a nested class)
 * @param method the test method
 */
record CallingTest(String className, String method) {

    /** The system property that Maven Surefire sets to the directory of the module under test. */
    private static final String MODULE_DIRECTORY = "basedir";

    /**
     * A system property that, when set, is the module as Maven's {@code -pl} names it from the root
     * of the build ({@code examples/cli}, or {@code :artifactId}); without it, the module is the last
     * part of {@link #MODULE_DIRECTORY}, which is right for modules directly below the root.
     */
    private static final String MODULE = "purenet.module";

    /**
     * Finds the calling test on the stack: the innermost method annotated as a JUnit test
     * ({@code @Test}, {@code @ParameterizedTest}, {@code @RepeatedTest}, anything meta-annotated
     * with {@link Testable}); without one, the outermost frame of the first class outside this
     * package's {@link Property}, which is the test method even when the property is checked in a
     * lambda or a helper of the same class.
     *
     * @return the test
     */
    static CallingTest find() {
        List<StackWalker.StackFrame> frames = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                .walk(s -> s.toList());
        for (StackWalker.StackFrame frame : frames) {
            if (isTest(frame.getDeclaringClass(), frame.getMethodName())) {
                return of(frame.getClassName(), frame.getMethodName());
            }
        }
        String caller = frames.stream().map(StackWalker.StackFrame::getClassName)
                .filter(name -> !name.startsWith(Property.class.getName()) && !name.equals(CallingTest.class.getName()))
                .findFirst().orElse("unknown");
        String method = "unknown";
        for (StackWalker.StackFrame frame : frames) {
            if (frame.getClassName().equals(caller)) {
                method = frame.getMethodName();
            }
        }
        return of(caller, method);
    }

    private static CallingTest of(String qualifiedClass, String method) {
        return new CallingTest(qualifiedClass.substring(qualifiedClass.lastIndexOf('.') + 1), method);
    }

    /** @return {@code SimpleClassName#method}, the form of Surefire's {@code -Dtest} */
    String name() {
        return className + "#" + method;
    }

    /**
     * The Maven command that reruns this test, with the seed when it is not fixed in the code.
     *
     * @param seed the seed, or null when the property fixes its own seed
     * @return the command and how to use it
     */
    String rerun(Long seed) {
        String named = System.getProperty(MODULE);
        String directory = System.getProperty(MODULE_DIRECTORY);
        String module = named != null && !named.isBlank() ? named
                : directory == null || directory.isBlank() ? null
                : directory.replace('\\', '/').replaceAll("/+$", "").replaceAll(".*/", "");
        String command = "mvn" + (module == null ? "" : " -pl " + module) + " test -Dtest=" + name()
                + (seed == null ? "" : " -D" + Property.SEED_PROPERTY + "=" + seed);
        String where = module == null ? "" : "\n  (from the root of the build; in a build of one module, leave out \"-pl "
                + module + "\")";
        String fixed = seed == null ? "\n  (the seed is fixed in the test by Property.seed)" : "";
        return command + where + fixed;
    }

    private static boolean isTest(Class<?> type, String method) {
        for (Method m : type.getDeclaredMethods()) {
            if (m.getName().equals(method) && testable(m, 0)) {
                return true;
            }
        }
        return false;
    }

    /** Whether an element is annotated with {@link Testable}, directly or through its annotations' annotations. */
    private static boolean testable(AnnotatedElement element, int depth) {
        for (Annotation a : element.getAnnotations()) {
            Class<? extends Annotation> type = a.annotationType();
            if (type.equals(Testable.class)
                    || depth < 3 && !type.getName().startsWith("java.lang.") && testable(type, depth + 1)) {
                return true;
            }
        }
        return false;
    }
}
