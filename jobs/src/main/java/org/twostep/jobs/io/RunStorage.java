package org.twostep.jobs.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.fs.UnsupportedFileSystemException;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.twostep.common.error.InvalidInputException;
import scala.Tuple2;

/**
 * A directory of the project (a run, a results page, an ablation) on any Hadoop file system — a local path,
 * {@code file://}, {@code hdfs://}, {@code s3a://} — and the one place that moves files between it and this machine.
 * Spark's tables (particles/, generated/, metrics/, ...) are read and written by Spark through the same URI; this class
 * carries everything else: models, checkpoints, cards, loss logs, run records, reports and pictures.
 *
 * <p>Why a local working copy: training, generation and the report are plain Java libraries that know {@link Path}
 * and nothing of Hadoop (the module rule: only {@code jobs} knows Spark and Hadoop), and DJL and the chart library
 * write to local files anyway. So a stage {@link #pull pulls} the parts it reads into {@link #local()}, works there,
 * and {@link #push pushes} the parts it wrote back. Both mirror one part (a file or a directory tree): files whose
 * size and modification time already agree are not copied again, files gone on the source side are deleted on the
 * other. A local directory (a path or {@code file:} URI) is its own working copy: pull and push do nothing, so a
 * local run reads and writes exactly the files it did before this class existed. A remote directory's working copy
 * is {@code <cache>/<hash of the URI>}, the cache being {@code -Dtwostep.cache}, else {@code $TWOSTEP_CACHE}, else
 * {@code java.io.tmpdir/twostep-cache}; it is a cache,
 * safe to delete between commands.
 *
 * <p>Each pushed file is written to a hidden temporary name and renamed into place, so a reader never sees half a
 * file (on S3A the rename is a copy, still of a whole file).
 */
public final class RunStorage {
  /** Hidden names (temporaries, Spark's staging and CRC files) are never mirrored. */
  private static final String[] SKIPPED = {".", "_staging"};

  private final String location;
  private final FileSystem fs;
  private final org.apache.hadoop.fs.Path root;
  private final Path local;
  private final boolean remote;

  private RunStorage(String location, FileSystem fs, org.apache.hadoop.fs.Path root, Path local, boolean remote) {
    this.location = location;
    this.fs = fs;
    this.root = root;
    this.local = local;
    this.remote = remote;
  }

  /**
   * Opens {@code location} (a local path or a Hadoop URI) with the Hadoop configuration of the running Spark session,
   * else of {@code spark.hadoop.*} in the system properties. A malformed URI, a scheme without a file system on the
   * class path, or storage that cannot be reached is bad input naming the location, before any work.
   */
  public static RunStorage open(String location) {
    return open(location, hadoopConfiguration());
  }

  /** As {@link #open(String)} with the given Hadoop configuration. */
  public static RunStorage open(String location, Configuration conf) {
    if (location == null || location.isBlank()) {
      throw new InvalidInputException("a directory is required, got an empty path");
    }
    if (!isUri(location) || location.startsWith("file:")) {
      try {
        Path p = location.startsWith("file:") ? Path.of(parse(location)) : Path.of(location);
        return new RunStorage(location, null, null, p, false);
      } catch (IllegalArgumentException e) { // InvalidPathException included
        throw new InvalidInputException(location + ": not a local path or file: URI (" + firstLine(e) + ")");
      }
    }
    URI uri = parse(location);
    try {
      FileSystem fs = FileSystem.get(uri, conf);
      org.apache.hadoop.fs.Path root = fs.makeQualified(new org.apache.hadoop.fs.Path(uri));
      probe(location, uri, conf);
      return new RunStorage(location, fs, root, cache(root.toString()), true);
    } catch (UnsupportedFileSystemException e) {
      throw new InvalidInputException(location + ": no Hadoop file system for scheme '" + uri.getScheme()
          + "' on the class path (s3a:// needs hadoop-aws and its AWS SDK on the cluster)");
    } catch (IOException | IllegalArgumentException e) {
      throw new InvalidInputException(location + ": cannot reach the storage (" + firstLine(e) + ")");
    }
  }

  /** Whether {@code location} is {@code scheme://...} rather than a plain path. */
  public static boolean isUri(String location) {
    return location.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") && !location.matches("^[a-zA-Z]:[\\\\/].*");
  }

  /** The location as given ({@code --out}): what Spark's tables are read and written under. */
  public String location() {
    return location;
  }

  /** The directory as messages name it: its path when local, else its URI. */
  public String label() {
    return remote ? location : local.toString();
  }

  /** Whether the directory is on another file system than this machine's (its working copy is a cache). */
  public boolean remote() {
    return remote;
  }

  /** The local working copy: the directory itself when local. */
  public Path local() {
    return local;
  }

  /** Makes each part (a file or a directory, relative to the directory) of the working copy equal to the stored one. */
  public void pull(String... parts) {
    if (!remote) {
      return;
    }
    for (String part : parts) {
      try {
        mirrorDown(child(part), resolveLocal(part));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot copy " + child(part) + " to " + resolveLocal(part), e);
      }
    }
  }

  /** Makes each stored part equal to the working copy's (a part absent locally is deleted). */
  public void push(String... parts) {
    if (!remote) {
      return;
    }
    for (String part : parts) {
      try {
        mirrorUp(resolveLocal(part), child(part));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot copy " + resolveLocal(part) + " to " + child(part), e);
      }
    }
  }

  /** The location of a part of the directory as a directory argument: a local path, or the URI of a remote part. */
  public String location(String part) {
    return remote ? child(part).toString() : resolveLocal(part).toString();
  }

  /**
   * Copies, within the storage, each file under part {@code from} that {@code include} accepts (by its path relative
   * to {@code from}, '/'-separated) and that {@code to} lacks; files {@code last} accepts go after all others (a unit's
   * marker after its data). Nothing is copied when {@code from} does not exist.
   */
  public void copyMissing(String from, String to, Predicate<String> include, Predicate<String> last) {
    FileSystem store = fileSystem();
    org.apache.hadoop.fs.Path source = path(from);
    try {
      if (!store.isDirectory(source)) {
        return;
      }
      String prefix = store.getFileStatus(source).getPath().toString() + "/";
      List<String> files = new ArrayList<>();
      RemoteIterator<LocatedFileStatus> it = store.listFiles(source, true);
      while (it.hasNext()) {
        String relative = it.next().getPath().toString().substring(prefix.length());
        if (include.test(relative)) {
          files.add(relative);
        }
      }
      for (boolean second : new boolean[] {false, true}) {
        for (String f : files) {
          org.apache.hadoop.fs.Path target = path(to + "/" + f);
          if (last.test(f) == second && !store.exists(target)) {
            FileUtil.copy(store, new org.apache.hadoop.fs.Path(source, f), store, target, false, store.getConf());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + location(from) + " to " + location(to), e);
    }
  }

  /**
   * Copies directory part {@code from} to {@code to} within the storage unless {@code to} exists: to a hidden name
   * beside it, then renamed into place, so {@code to} appears whole (on S3A the rename is a copy too). Returns whether
   * it copied.
   */
  public boolean copyWhole(String from, String to) {
    FileSystem store = fileSystem();
    org.apache.hadoop.fs.Path target = path(to);
    try {
      if (store.exists(target)) {
        return false;
      }
      org.apache.hadoop.fs.Path staging = new org.apache.hadoop.fs.Path(target.getParent(),
          "." + target.getName() + ".copy-" + UUID.randomUUID());
      FileUtil.copy(store, path(from), store, staging, false, store.getConf());
      if (!store.rename(staging, target)) {
        throw new IOException("rename of " + staging + " to " + target + " failed");
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + location(from) + " to " + location(to), e);
    }
  }

  /** Names of the directories directly under part {@code part}, or null when it is not a directory. */
  public List<String> directories(String part) {
    FileSystem store = fileSystem();
    try {
      if (!store.isDirectory(path(part))) {
        return null;
      }
      List<String> names = new ArrayList<>();
      for (FileStatus f : store.listStatus(path(part))) {
        if (f.isDirectory()) {
          names.add(f.getPath().getName());
        }
      }
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + location(part), e);
    }
  }

  /** The Hadoop file system holding the directory: the raw local one for a local directory (no checksum files). */
  private FileSystem fileSystem() {
    if (remote) {
      return fs;
    }
    try {
      return FileSystem.getLocal(hadoopConfiguration()).getRaw();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the local file system", e);
    }
  }

  /** The Hadoop path of a part of the directory ("" for the directory itself) on {@link #fileSystem()}. */
  private org.apache.hadoop.fs.Path path(String part) {
    return remote ? child(part) : new org.apache.hadoop.fs.Path(resolveLocal(part).toAbsolutePath().toUri());
  }

  /** Whether a part exists in the stored directory (in the working copy when local). */
  public boolean exists(String part) {
    if (!remote) {
      return Files.exists(resolveLocal(part));
    }
    try {
      return fs.exists(child(part));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reach " + child(part), e);
    }
  }

  @Override
  public String toString() {
    return location;
  }

  private Path resolveLocal(String part) {
    return part.isEmpty() ? local : local.resolve(part);
  }

  private org.apache.hadoop.fs.Path child(String part) {
    return part.isEmpty() ? root : new org.apache.hadoop.fs.Path(root, part);
  }

  private void mirrorDown(org.apache.hadoop.fs.Path from, Path to) throws IOException {
    FileStatus top;
    try {
      top = fs.getFileStatus(from);
    } catch (java.io.FileNotFoundException gone) {
      deleteLocal(to);
      return;
    }
    if (top.isFile()) {
      download(top, to);
      return;
    }
    Map<String, FileStatus> stored = new HashMap<>();
    RemoteIterator<LocatedFileStatus> it = fs.listFiles(from, true);
    String prefix = top.getPath().toString() + "/";
    while (it.hasNext()) {
      LocatedFileStatus f = it.next();
      String rel = f.getPath().toString().substring(prefix.length());
      if (!skipped(rel)) {
        stored.put(rel, f);
      }
    }
    Files.createDirectories(to);
    for (Path f : localFiles(to)) {
      if (!stored.containsKey(to.relativize(f).toString().replace('\\', '/'))) {
        Files.delete(f);
      }
    }
    for (Map.Entry<String, FileStatus> e : stored.entrySet()) {
      download(e.getValue(), to.resolve(e.getKey()));
    }
  }

  private void download(FileStatus f, Path to) throws IOException {
    if (Files.isRegularFile(to) && Files.size(to) == f.getLen()
        && Files.getLastModifiedTime(to).toMillis() == f.getModificationTime()) {
      return;
    }
    Files.createDirectories(to.toAbsolutePath().getParent());
    Path tmp = to.resolveSibling("." + to.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try (InputStream in = fs.open(f.getPath())) {
      Files.copy(in, tmp);
      Files.setLastModifiedTime(tmp, FileTime.fromMillis(f.getModificationTime()));
      Files.move(tmp, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private void mirrorUp(Path from, org.apache.hadoop.fs.Path to) throws IOException {
    if (!Files.exists(from)) {
      fs.delete(to, true);
      return;
    }
    if (Files.isRegularFile(from)) {
      upload(from, to, fs.exists(to) ? fs.getFileStatus(to) : null);
      return;
    }
    Map<String, FileStatus> stored = new HashMap<>();
    if (fs.exists(to)) {
      RemoteIterator<LocatedFileStatus> it = fs.listFiles(to, true);
      String prefix = fs.getFileStatus(to).getPath().toString() + "/";
      while (it.hasNext()) {
        LocatedFileStatus f = it.next();
        stored.put(f.getPath().toString().substring(prefix.length()), f);
      }
    }
    Set<String> kept = new HashSet<>();
    for (Path f : localFiles(from)) {
      String rel = from.relativize(f).toString().replace('\\', '/');
      kept.add(rel);
      upload(f, new org.apache.hadoop.fs.Path(to, rel), stored.get(rel));
    }
    for (String rel : stored.keySet()) {
      if (!kept.contains(rel) && !skipped(rel)) {
        fs.delete(new org.apache.hadoop.fs.Path(to, rel), false);
      }
    }
  }

  private void upload(Path from, org.apache.hadoop.fs.Path to, FileStatus existing) throws IOException {
    long mtime = Files.getLastModifiedTime(from).toMillis();
    if (existing != null && existing.isFile() && existing.getLen() == Files.size(from)
        && existing.getModificationTime() == mtime) {
      return;
    }
    org.apache.hadoop.fs.Path tmp = new org.apache.hadoop.fs.Path(to.getParent(),
        "." + to.getName() + "." + UUID.randomUUID() + ".tmp");
    try {
      try (OutputStream out = fs.create(tmp, true)) {
        Files.copy(from, out);
      }
      // HDFS's rename does not replace a file; the target is missing for the moment between the two calls
      fs.delete(to, false);
      if (!fs.rename(tmp, to)) {
        throw new IOException("rename of " + tmp + " to " + to + " failed");
      }
      fs.setTimes(to, mtime, -1);
      // the local copy takes the stored time too, so the next pull of a file this machine wrote copies nothing
      Files.setLastModifiedTime(from, FileTime.fromMillis(fs.getFileStatus(to).getModificationTime()));
    } finally {
      fs.delete(tmp, false);
    }
  }

  private static List<Path> localFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).filter(f -> !skipped(dir.relativize(f).toString().replace('\\', '/')))
          .sorted(Comparator.naturalOrder()).toList();
    }
  }

  private static void deleteLocal(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }
  }

  private static boolean skipped(String relative) {
    for (String segment : relative.split("/")) {
      for (String s : SKIPPED) {
        if (segment.startsWith(s)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Asks the storage about the directory with one fast-failing client (one connection attempt, no retries), so an
   * unreachable name node or bucket is reported at once instead of after minutes of retries.
   */
  private static void probe(String location, URI uri, Configuration conf) throws IOException {
    Configuration once = new Configuration(conf);
    once.setInt("ipc.client.connect.max.retries", 0);
    once.setInt("ipc.client.connect.max.retries.on.timeouts", 0);
    once.setInt("ipc.client.connect.timeout", 5000);
    once.setBoolean("dfs.client.retry.policy.enabled", false);
    once.setInt("fs.s3a.attempts.maximum", 1);
    once.setInt("fs.s3a.retry.limit", 1);
    try (FileSystem fs = FileSystem.newInstance(uri, once)) {
      fs.exists(new org.apache.hadoop.fs.Path(uri));
    }
  }

  private static URI parse(String location) {
    try {
      URI uri = new URI(location);
      if (uri.getScheme() == null || (!uri.getScheme().equals("file") && uri.getAuthority() == null
          && !location.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:///.*"))) {
        throw new InvalidInputException(location + ": not a file system URI (expected scheme://host/path, "
            + "scheme:///path or a local path)");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new InvalidInputException(location + ": not a valid URI (" + e.getReason() + ")");
    }
  }

  private static Path cache(String uri) {
    String base = System.getProperty("twostep.cache", System.getenv().getOrDefault("TWOSTEP_CACHE",
        Path.of(System.getProperty("java.io.tmpdir"), "twostep-cache").toString()));
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(uri.getBytes(StandardCharsets.UTF_8));
      String name = uri.replaceAll("[^A-Za-z0-9]+", "-");
      name = name.length() > 60 ? name.substring(name.length() - 60) : name;
      return Path.of(base, HexFormat.of().formatHex(h, 0, 6) + "-" + name);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The running session's Hadoop configuration, else a fresh one with {@code spark.hadoop.*} applied (so credentials
   * and endpoints given as Spark properties reach every file system call, with or without a session).
   */
  public static Configuration hadoopConfiguration() {
    scala.Option<SparkSession> active = SparkSession.getActiveSession();
    if (active.isEmpty()) {
      active = SparkSession.getDefaultSession();
    }
    if (active.isDefined()) {
      return active.get().sparkContext().hadoopConfiguration();
    }
    Configuration conf = new Configuration();
    for (Tuple2<String, String> kv : new SparkConf().getAll()) {
      if (kv._1().startsWith("spark.hadoop.")) {
        conf.set(kv._1().substring("spark.hadoop.".length()), kv._2());
      }
    }
    return conf;
  }

  private static String firstLine(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int nl = m.indexOf('\n');
    m = nl < 0 ? m : m.substring(0, nl);
    return m.length() > 200 ? m.substring(0, 200) + "..." : m;
  }
}
