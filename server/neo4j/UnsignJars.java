import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites every signed jar of a folder without its signature, once, when the embedded Neo4j is
 * installed (server/src/neo4j/install.ts).
 *
 * Usage: java UnsignJars.java <lib-dir>
 *
 * Why: the JVM verifies a signed jar on every boot (its whole manifest of per-entry digests is parsed
 * and each class read from it is hashed), and the class-data archive that makes boots cheap cannot
 * hold classes from signed jars. Neo4j loads some 700 classes from the signed eclipse-collections
 * jars at every boot. The jars were checked against Maven Central's checksums when Maven downloaded
 * them; their classes are copied unchanged. Only the signature files (META-INF/*.SF, .RSA, .DSA,
 * .EC) and the manifest's per-entry digests go; every other manifest attribute stays.
 */
public final class UnsignJars {
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: java UnsignJars.java <lib-dir>");
      System.exit(2);
    }
    try (DirectoryStream<Path> jars = Files.newDirectoryStream(Path.of(args[0]), "*.jar")) {
      for (Path jar : jars) {
        if (isSigned(jar)) {
          unsign(jar);
          System.out.println("unsigned " + jar.getFileName());
        }
      }
    }
  }

  private static boolean isSignature(String name) {
    if (!name.startsWith("META-INF/") || name.indexOf('/', "META-INF/".length()) >= 0) return false;
    return name.endsWith(".SF") || name.endsWith(".RSA") || name.endsWith(".DSA") || name.endsWith(".EC");
  }

  private static boolean isSigned(Path jar) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      return zip.stream().anyMatch(entry -> isSignature(entry.getName()));
    }
  }

  /** Written beside the jar and moved over it, so that an interrupted install leaves no half jar. */
  private static void unsign(Path jar) throws IOException {
    Path partial = jar.resolveSibling(jar.getFileName() + "." + ProcessHandle.current().pid() + ".partial");
    try (ZipFile zip = new ZipFile(jar.toFile()); OutputStream file = Files.newOutputStream(partial); ZipOutputStream out = new ZipOutputStream(file)) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        String name = entry.getName();
        if (isSignature(name)) continue;
        ZipEntry copy = new ZipEntry(name);
        copy.setTime(entry.getTime());
        out.putNextEntry(copy);
        if (name.equals(JarFile.MANIFEST_NAME)) {
          try (InputStream in = zip.getInputStream(entry)) {
            withoutDigests(new Manifest(in)).write(out);
          }
        } else {
          try (InputStream in = zip.getInputStream(entry)) {
            in.transferTo(out);
          }
        }
        out.closeEntry();
      }
    }
    Files.move(partial, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** The manifest without the per-entry digest attributes, and without the sections that held only those. */
  private static Manifest withoutDigests(Manifest manifest) {
    Iterator<Map.Entry<String, Attributes>> sections = manifest.getEntries().entrySet().iterator();
    while (sections.hasNext()) {
      Attributes attributes = sections.next().getValue();
      attributes.keySet().removeIf(key -> key.toString().endsWith("-Digest"));
      if (attributes.isEmpty()) sections.remove();
    }
    return manifest;
  }
}
