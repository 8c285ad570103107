package com.casecoding.common.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Main code uses supported framework APIs only: no {@code io.vertx.*.impl} or {@code io.quarkus.*.impl} package, no
 * {@code *Internal} type, no Netty {@code internal} package. They move between versions (Vert.x 5 moves or removes
 * them), so a use of one fails the build here rather than an upgrade later.
 */
class SupportedApisTest {

    private static final Pattern UNSUPPORTED = Pattern.compile(
            "^\\s*import\\s+(static\\s+)?((io\\.vertx|io\\.quarkus)\\.[\\w.]*\\.impl\\.[\\w.*]+"
                    + "|[\\w.]+\\.\\w*Internal|io\\.netty\\.[\\w.]*\\.internal\\.[\\w.*]+)\\s*;");

    @Test
    void mainCodeImportsNoInternalFrameworkType() throws IOException {
        List<String> found = new ArrayList<>();
        Path root = root();
        for (Path file : mainJavaSources(root)) {
            String rel = root.relativize(file).toString().replace('\\', '/');
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (UNSUPPORTED.matcher(line).find()) {
                    found.add(rel + ":" + (i + 1) + ": " + line.strip());
                }
            }
        }
        assertEquals(List.of(), found, "use the public Vert.x, Quarkus or Netty API instead");
    }

    @Test
    void thePatternCatchesWhatItIsFor() {
        for (String bad : new String[]{"import io.vertx.core.impl.ContextInternal;", "import io.vertx.core.http.impl.Foo;",
                "import io.quarkus.vertx.core.runtime.impl.X;", "import io.netty.util.internal.PlatformDependent;",
                "import static io.vertx.core.impl.Utils.isWindows;", "import io.vertx.core.impl.*;"}) {
            assertTrue(UNSUPPORTED.matcher(bad).find(), bad);
        }
        for (String good : new String[]{"import io.vertx.core.http.HttpServerRequest;", "import io.vertx.httpproxy.HttpProxy;",
                "import io.netty.channel.Channel;", "import com.casecoding.gateway.auth.Caller;"}) {
            assertTrue(!UNSUPPORTED.matcher(good).find(), good);
        }
    }

    private static Path root() {
        return com.casecoding.common.RepositoryTree.root();
    }

    private static List<Path> mainJavaSources(Path root) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).filter(p -> {
                String rel = root.relativize(p).toString().replace('\\', '/');
                return rel.contains("/src/main/java/") && !rel.contains("/target/") && !rel.startsWith(".")
                        && rel.endsWith(".java");
            }).forEach(out::add);
        }
        assertTrue(out.size() > 50, "main sources found under " + root);
        return out;
    }
}
