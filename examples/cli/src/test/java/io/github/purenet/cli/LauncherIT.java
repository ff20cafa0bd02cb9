package io.github.purenet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher script {@code examples/target/purenet}, as the build leaves it beside purenet.jar,
 * run through {@code sh}: with the real JVM it starts the program with the vector kernels, passes
 * the exit code through and becomes the JVM; with a stand-in {@code java} that prints what it was
 * given, every argument arrives unchanged, after the options and the jar's path. The build runs
 * this class in the integration-test phase, after the jar and the scripts are packaged.
 */
@DisabledOnOs(OS.WINDOWS)
class LauncherIT {

    private static final String WARNING = "WARNING: Using incubator modules: jdk.incubator.vector";
    private static final String VECTOR = "kernels: vector (jdk.incubator.vector)";
    private static Path script;
    private static Path jar;

    @TempDir
    Path tmp;

    /** What a run of a script did. */
    record Ran(long pid, int exitCode, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }
    }

    @BeforeAll
    static void theBuiltScript() throws IOException {
        String built = System.getProperty("purenet.launcher");
        assumeTrue(built != null, "runs in the build's integration-test phase, once the jar is packaged");
        script = Path.of(built).toRealPath();
        jar = script.resolveSibling("purenet.jar");
        assertTrue(Files.isRegularFile(jar), jar + " is missing");
    }

    /** Runs {@code sh SCRIPT ARGS} with these variables, within two minutes. */
    private Ran run(Map<String, String> env, Path launcher, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("sh", launcher.toString()));
        command.addAll(Arrays.asList(args));
        return run(env, command);
    }

    private Ran run(Map<String, String> env, List<String> command) throws IOException, InterruptedException {
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        environment(builder, env);
        Process process = builder.start();
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the run did not end within 2 minutes");
        return new Ran(process.pid(), process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** The real JVM, this test's, by JAVA_HOME; no options from the environment unless given. */
    private static Map<String, String> realJava() {
        return Map.of("JAVA_HOME", System.getProperty("java.home"));
    }

    /** In the test's folder, with these variables and none of the launcher's unless given. */
    private void environment(ProcessBuilder builder, Map<String, String> env) {
        builder.directory(tmp.toFile());
        Map<String, String> environment = builder.environment();
        environment.remove("JAVA_HOME");
        environment.remove("PURENET_JAVA_OPTS");
        environment.remove("JDK_JAVA_OPTIONS");
        env.forEach((name, value) -> environment.put(name, value));
    }

    /**
     * A stand-in JDK, in a folder whose name has a space, whose {@code bin/java} prints its process
     * id, then each argument followed by a NUL, and exits with {@code FAKE_EXIT} (0 without it).
     */
    private Path fakeJavaHome() throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("fake jdk/bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\necho \"pid $$\"\nprintf '%s\\0' \"$@\"\nexit \"${FAKE_EXIT:-0}\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin.getParent();
    }

    /** The stand-in's arguments, after its line with the process id. */
    private static List<String> argumentsOf(Ran ran) {
        String out = ran.out();
        assertTrue(out.startsWith("pid "), out);
        String args = out.substring(out.indexOf('\n') + 1);
        assertTrue(args.isEmpty() || args.endsWith("\0"), args);
        return args.isEmpty() ? List.of() : Arrays.asList(args.substring(0, args.length() - 1).split("\0", -1));
    }

    private static List<String> launched(Path jarFile, String... args) {
        List<String> expected = new ArrayList<>(List.of("--add-modules=jdk.incubator.vector", "-jar",
                jarFile.toString()));
        expected.addAll(Arrays.asList(args));
        return expected;
    }

    @Test
    void theScriptStartsTheJarWithTheVectorKernelsWhereJavaDashJarRunsThePlainOnes() throws Exception {
        assertTrue(Files.isExecutable(script), script + " is not executable");
        Ran direct = run(realJava(), List.of(script.toString(), "--version")); // as users run it, by its #! line
        assertEquals(0, direct.exitCode(), direct.err());
        assertTrue(direct.outLines().get(0).startsWith("purenet "), direct.out());
        assertEquals(VECTOR, direct.outLines().get(1));
        assertEquals(WARNING, direct.err().strip(), "the JVM's one line on standard error");

        Ran plain = run(Map.of(), List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "--version"));
        assertEquals(0, plain.exitCode(), plain.err());
        assertTrue(plain.outLines().get(1).startsWith("kernels: plain"), plain.out());
        assertEquals("", plain.err());
    }

    @Test
    void everyArgumentArrivesUnchangedAfterTheModuleAndTheJar() throws Exception {
        String[] args = {"train", "", "two words", "it's", "say \"hi\"", "$HOME", "*", "back\\slash",
            "new\nline", "  ", "-Dnot.for.the.jvm=1"};
        Ran ran = run(Map.of("JAVA_HOME", fakeJavaHome().toString()), script, args);
        assertEquals(0, ran.exitCode(), ran.err());
        assertEquals(launched(jar, args), argumentsOf(ran));
        assertEquals(launched(jar), argumentsOf(run(Map.of("JAVA_HOME", fakeJavaHome().toString()), script)));
    }

    @Test
    void purenetJavaOptsGoToTheJvmSplitAtSpacesWithNoFileNamesExpanded() throws Exception {
        Files.createFile(tmp.resolve("-Dx=a file")); // which -Dx=* would match, in the folder the script runs in
        Ran ran = run(Map.of("JAVA_HOME", fakeJavaHome().toString(), "PURENET_JAVA_OPTS", " -Xmx64m  -Dx=* "),
                script, "--version");
        assertEquals(List.of("--add-modules=jdk.incubator.vector", "-Xmx64m", "-Dx=*", "-jar", jar.toString(),
                "--version"), argumentsOf(ran));

        // the real JVM: C1 alone takes the plain kernels (see core's JitTest)
        Map<String, String> env = Map.of("JAVA_HOME", System.getProperty("java.home"),
                "PURENET_JAVA_OPTS", "-XX:TieredStopAtLevel=1 -Xmx256m");
        Ran c1 = run(env, script, "--version");
        assertEquals(0, c1.exitCode(), c1.err());
        assertTrue(c1.outLines().get(1).startsWith("kernels: plain"), c1.out());
    }

    @Test
    void theJvmsExitCodeIsTheScripts() throws Exception {
        Ran bad = run(realJava(), script, "train", "--data", "digits", "--no-such-option");
        assertEquals(2, bad.exitCode(), bad.err());
        assertTrue(bad.err().contains("purenet: Unknown option: '--no-such-option'"), bad.err());
        Ran missing = run(realJava(), script, "evaluate", "--model", tmp.resolve("no model.json").toString(),
                "--data", "iris");
        assertEquals(1, missing.exitCode(), missing.err());
        Ran fake = run(Map.of("JAVA_HOME", fakeJavaHome().toString(), "FAKE_EXIT", "42"), script);
        assertEquals(42, fake.exitCode(), fake.out());
    }

    @Test
    void aFileNameWithSpacesAndQuotesReachesTheProgram() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("my data's \"folder\""));
        Path iris = Files.copy(Path.of("..", "data", "iris.csv"), dir.resolve("iris flowers.csv"));
        Ran ran = run(realJava(), script, "train", "--data", "csv:" + iris, "--epochs", "1", "--report", "json");
        assertEquals(0, ran.exitCode(), ran.err());
        String last = ran.outLines().get(ran.outLines().size() - 1);
        assertEquals("csv:" + iris, new ObjectMapper().readTree(last).get("data").asText());
    }

    @Test
    void theScriptBecomesTheJvm() throws Exception {
        // the stand-in prints its process id: that of the process started, not of a child
        Ran ran = run(Map.of("JAVA_HOME", fakeJavaHome().toString()), script, "--version");
        assertEquals("pid " + ran.pid(), ran.out().lines().findFirst().orElseThrow());

        // the real JVM: once it trains, the process started is java itself, with no child to outlive a kill -9
        ProcessBuilder builder = new ProcessBuilder("sh", script.toString(), "train", "--data", "digits",
                "--epochs", "100000").redirectError(ProcessBuilder.Redirect.DISCARD);
        environment(builder, realJava());
        Process process = builder.start();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.startsWith("epoch "));
            assertTrue(line != null, "the run ended before its first epoch");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toRealPath().toString();
            assertEquals(java, process.info().command().orElseThrow());
            assertEquals(0, process.children().count());
        } finally {
            process.destroyForcibly();
            process.waitFor(1, TimeUnit.MINUTES);
        }
    }

    @Test
    void theScriptFindsItsJarThroughSymbolicLinksAndFoldersWithSpaces() throws Exception {
        Map<String, String> fake = Map.of("JAVA_HOME", fakeJavaHome().toString());
        Path links = Files.createDirectories(tmp.resolve("links with spaces/more"));
        Path absolute = Files.createSymbolicLink(links.resolve("to script"), script);
        Path relative = Files.createSymbolicLink(links.getParent().resolve("purenet"), Path.of("more", "to script"));
        Path copy = Files.createDirectories(tmp.resolve("purenet 1.0"));
        Path jarLink = Files.createSymbolicLink(copy.resolve("purenet.jar"), jar);
        try {
            assertEquals(launched(jar, "a b"), argumentsOf(run(fake, absolute, "a b")));
            assertEquals(launched(jar, "a b"), argumentsOf(run(fake, relative, "a b")));
            Ran real = run(realJava(), relative, "--version");
            assertEquals(VECTOR, real.outLines().get(1), real.err());

            // a copy of the script beside a jar of its own, in a folder whose name has a space
            Files.copy(script, copy.resolve("purenet"));
            assertEquals(launched(copy.toRealPath().resolve("purenet.jar")),
                    argumentsOf(run(fake, copy.resolve("purenet"))));
        } finally {
            // links out of the temporary folder, which JUnit would warn about as it deletes them
            Files.delete(absolute);
            Files.delete(jarLink);
        }
    }

    @Test
    void withoutJavaHomeJavaComesFromThePathAndAJavaHomeWithoutJavaIsRefused() throws Exception {
        Path fakeBin = fakeJavaHome().resolve("bin");
        Ran fromPath = run(Map.of("PATH", fakeBin + ":" + System.getenv("PATH")), script, "x");
        assertEquals(launched(jar, "x"), argumentsOf(fromPath));

        Ran noJava = run(Map.of("JAVA_HOME", tmp.toString()), script, "--version");
        assertEquals(1, noJava.exitCode());
        assertEquals("purenet: JAVA_HOME is " + tmp + ", which has no bin/java; set it to a JDK or JRE (17 or "
                + "later), or unset it to run java from the PATH", noJava.err().strip());

        Path alone = Files.copy(script, tmp.resolve("purenet"));
        Ran noJar = run(realJava(), alone, "--version");
        assertEquals(1, noJar.exitCode());
        assertEquals("purenet: " + tmp.toRealPath().resolve("purenet.jar") + " is missing: the launcher runs the "
                + "purenet.jar beside it", noJar.err().strip());
    }

    @Test
    void theWindowsScriptIsBesideIt() throws IOException {
        String cmd = Files.readString(script.resolveSibling("purenet.cmd"), StandardCharsets.US_ASCII);
        assertTrue(cmd.contains("\"%PURENET_JAVA%\" --add-modules=jdk.incubator.vector %PURENET_JAVA_OPTS% "
                + "-jar \"%PURENET_JAR%\" %*\r\nexit /b %ERRORLEVEL%\r\n"), cmd);
    }
}
