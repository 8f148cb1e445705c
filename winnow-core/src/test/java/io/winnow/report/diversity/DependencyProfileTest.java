package io.winnow.report.diversity;

import static org.assertj.core.api.Assertions.assertThat;

import io.winnow.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Manifests of every supported ecosystem, and the dependency distribution of real npm and Maven projects. */
class DependencyProfileTest {
  @TempDir Path dir;

  @Test
  void eachManifestKindGivesItsRuntimeDependencies() {
    assertThat(Manifests.parse("Cargo.toml", """
        [package]
        name = "x"
        [dependencies]
        serde = { version = "1", features = ["derive"] }
        "tokio" = "1.37"
        [dependencies.regex]
        version = "1"
        [dev-dependencies]
        criterion = "0.5"
        """).dependencies()).containsExactlyInAnyOrder("serde", "tokio", "regex");
    assertThat(Manifests.parse("go.mod", """
        module example.com/x
        go 1.22
        require github.com/spf13/cobra v1.8.0
        require (
            golang.org/x/sync v0.7.0
            github.com/inconshreveable/mousetrap v1.1.0 // indirect
        )
        """).dependencies()).containsExactlyInAnyOrder("github.com/spf13/cobra", "golang.org/x/sync");
    assertThat(Manifests.parse("requirements.txt", """
        # pinned
        Requests==2.31.0
        numpy>=1.26 ; python_version >= "3.9"
        -r other.txt
        git+https://github.com/x/y.git
        typing_extensions
        """).dependencies()).containsExactlyInAnyOrder("requests", "numpy", "typing-extensions");
    assertThat(Manifests.parse("pyproject.toml", """
        [project]
        name = "x"
        dependencies = [
          "httpx>=0.27",
          'Pydantic[email]<3',
        ]
        [tool.poetry.dependencies]
        python = "^3.11"
        rich = "^13"
        """).dependencies()).containsExactlyInAnyOrder("httpx", "pydantic", "rich");
    assertThat(Manifests.parse("package.json", "{\"dependencies\":{\"react\":\"18\"},\"devDependencies\":{\"jest\":\"29\"}}")
        .dependencies()).containsExactly("react");
    assertThat(Manifests.parse("pom.xml", """
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <dependencyManagement><dependencies><dependency><groupId>m</groupId><artifactId>managed</artifactId></dependency></dependencies></dependencyManagement>
          <dependencies>
            <dependency><groupId>org.slf4j</groupId><artifactId>slf4j-api</artifactId></dependency>
            <dependency><groupId>org.junit</groupId><artifactId>junit-jupiter</artifactId><scope>test</scope></dependency>
          </dependencies>
        </project>
        """).dependencies()).containsExactly("org.slf4j:slf4j-api");
    Manifests.Declared broken = Manifests.parse("package.json", "{not json");
    assertThat(broken.error()).isNotNull();
    assertThat(broken.dependencies()).isEmpty();
  }

  @Test
  void realProjectsGiveTheirEcosystemsDistribution() throws IOException {
    DependencyProfile p = DependencyProfile.scan("fixtures", List.of(Fixtures.path("manifests")));
    DependencyProfile.Ecosystem npm = p.ecosystems.get("npm");
    DependencyProfile.Ecosystem maven = p.ecosystems.get("maven");
    assertThat(npm.projects).isEqualTo(24);
    assertThat(maven.projects).isEqualTo(30);
    assertThat(npm.share("npm-package-arg")).isEqualTo(6 / 24.0);
    assertThat(npm.top(1).get(0).getKey()).isEqualTo("npm-package-arg");
    assertThat(npm.hhi()).isBetween(0.0, 0.2);
    assertThat(npm.entropyBits()).isGreaterThan(3);
    assertThat(maven.projectsPerDependency).isNotEmpty();
  }

  @Test
  void aLibraryInEveryGeneratedProjectIsAVerdictAndAnUnchangedCorpusIsNot() throws IOException {
    DependencyProfile base = DependencyProfile.scan("base", List.of(Fixtures.path("manifests/npm")));
    DependencyProfile same = DependencyProfile.scan("same", List.of(Fixtures.path("manifests/npm")));
    assertThat(DependencyProfile.verdicts(List.of(base, same), 10, 50)).isEmpty();

    Path generated = Files.createDirectories(dir.resolve("generated"));
    for (int i = 0; i < 24; i++) {
      Path project = Files.createDirectories(generated.resolve("app-" + i));
      Files.writeString(project.resolve("package.json"), "{\"name\":\"app-" + i + "\",\"dependencies\":{\"semver\":\"^7\",\"lodash\":\"^4\"}}");
      // a vendored copy is another project's manifest, not this one's
      Path vendored = Files.createDirectories(project.resolve("node_modules/lodash"));
      Files.writeString(vendored.resolve("package.json"), "{\"name\":\"lodash\",\"dependencies\":{}}");
    }
    DependencyProfile later = DependencyProfile.scan("later", List.of(Fixtures.path("manifests/npm"), generated));
    assertThat(later.ecosystems.get("npm").projects).isEqualTo(48);
    List<String> v = DependencyProfile.verdicts(List.of(base, later), 10, 50);
    assertThat(v).anyMatch(s -> s.contains("npm: lodash in 50 % of projects (was 0 %, lift new)"));
    assertThat(v).anyMatch(s -> s.contains("npm: semver in 58 % of projects (was 17 %, lift 3.5×)"));
    assertThat(v).anyMatch(s -> s.contains("dependency concentration (HHI)"));
  }
}
