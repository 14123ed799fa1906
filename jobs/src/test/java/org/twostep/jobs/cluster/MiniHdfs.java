package org.twostep.jobs.cluster;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;

/**
 * A real HDFS (NameNode + one DataNode, {@code hadoop-client-minicluster}) as a process of its own, for measuring
 * twostep against HDFS from the command line ({@code deploy/local/bench-storage.sh}); HdfsPipelineIT starts the same
 * cluster inside the test JVM.
 *
 * <pre>java -cp TEST_CLASSPATH org.twostep.jobs.cluster.MiniHdfs BASE_DIR URI_FILE</pre>
 *
 * Writes {@code hdfs://localhost:PORT} to URI_FILE once the DataNode is up, then serves until standard input closes.
 */
public final class MiniHdfs {
  private MiniHdfs() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: MiniHdfs BASE_DIR URI_FILE");
      System.exit(2);
    }
    Path base = Path.of(args[0]).toAbsolutePath();
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, base.toString());
    MiniDFSCluster hdfs = new MiniDFSCluster.Builder(conf, base.toFile()).numDataNodes(1).build();
    try {
      hdfs.waitActive();
      Path uriFile = Path.of(args[1]);
      Path partial = uriFile.resolveSibling(uriFile.getFileName() + ".partial");
      Files.writeString(partial, hdfs.getURI().toString() + "\n", StandardCharsets.UTF_8);
      Files.move(partial, uriFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE); // a reader never sees half a URI
      while (System.in.read() >= 0) {
        // serve until the caller closes our standard input (or kills us)
      }
    } finally {
      hdfs.shutdown(true);
    }
  }
}
