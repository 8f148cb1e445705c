package io.winnow.step.dedup;

import io.winnow.doc.Document;
import io.winnow.report.diversity.DependencyProfile;
import io.winnow.report.diversity.Manifests;
import java.nio.charset.StandardCharsets;
import net.openhft.hashing.LongHashFunction;

/**
 * Which project a document of a code corpus belongs to, and the dependencies it declares when it is a manifest.
 * A document is a manifest when its path field ({@code path_field}, default {@code path}) names one by its file
 * name (package.json, Cargo.toml, pom.xml / *.pom, go.mod, requirements.txt, pyproject.toml, as
 * {@link Manifests} reads them) outside vendored and build folders (node_modules/, vendor/, target/…): its text
 * is the manifest. Documents sharing a value of {@code project_field} (a repository name) are one project, so
 * a capped repository goes with all its files; without that field every document is its own project.
 */
final class ProjectManifests {
  private static final LongHashFunction HASH = LongHashFunction.xx(0x9E0);

  private final String pathField;
  private final String projectField;
  private final String ecosystem;

  /** @param ecosystem the one ecosystem to read, or null for all */
  ProjectManifests(String pathField, String projectField, String ecosystem) {
    this.pathField = pathField;
    this.projectField = projectField;
    this.ecosystem = ecosystem;
  }

  /** The project's identity: the hash of its project-field value, or the document's own key without one. */
  long projectKey(Document doc) {
    String p = projectName(doc);
    return p == null ? DocKey.of(doc) : HASH.hashBytes(p.getBytes(StandardCharsets.UTF_8));
  }

  /** The project-field value, or null when there is none. */
  String projectName(Document doc) {
    if (projectField == null) return null;
    Object v = io.winnow.doc.FieldPath.get(doc.metadata(), projectField);
    return v == null ? null : v.toString();
  }

  /** What the document declares as a manifest of a read ecosystem, or null when it is not one. */
  Manifests.Declared declared(Document doc) {
    Object v = io.winnow.doc.FieldPath.get(doc.metadata(), pathField);
    if (!(v instanceof String path) || path.isEmpty()) return null;
    String[] parts = path.split("[/\\\\]");
    for (int i = 0; i < parts.length - 1; i++) if (DependencyProfile.isVendoredFolder(parts[i])) return null;
    String fileName = parts[parts.length - 1];
    String eco = Manifests.ecosystem(fileName);
    if (eco == null || (ecosystem != null && !ecosystem.equals(eco))) return null;
    return Manifests.parse(fileName, doc.text());
  }
}
