package io.winnow.engine;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The exclusive right to write a run directory. Two processes writing one run (a second {@code --resume} while
 * the first is going) would each redo and commit shards under the other, and both would report success with
 * wrong counts; so a run holds an operating-system lock on {@code run.lock} for as long as it writes.
 *
 * <p>The file also names the holder (pid, host, start time) for the refusal message. The lock, not the file,
 * is what counts: the kernel releases it when the holder dies, so a file left by a killed run is a stale lock,
 * recognised as such and taken over. File locks are advisory and, on some network file systems, not reliable
 * across hosts; the holder's host in the message lets a user see such a case.
 */
public final class RunLock implements AutoCloseable {
  public static final String FILE_NAME = "run.lock";

  private final FileChannel channel;
  private final FileLock lock;
  private final String staleHolder;

  private RunLock(FileChannel channel, FileLock lock, String staleHolder) {
    this.channel = channel;
    this.lock = lock;
    this.staleHolder = staleHolder;
  }

  /** Takes the lock of a run directory (created if needed), or fails naming the run that holds it. */
  public static RunLock acquire(Path runDir) throws IOException {
    Files.createDirectories(runDir);
    Path file = runDir.resolve(FILE_NAME);
    FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = ch.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null; // this process already holds it: another run in the same JVM
    } catch (IOException e) {
      ch.close();
      throw new IOException(file + ": cannot lock the run directory: " + e.getMessage(), e);
    }
    String previous = holder(ch);
    if (lock == null) {
      ch.close();
      throw new RunFailedException(runDir + " is being written by another run (" + (previous.isEmpty() ? "holder unknown" : previous)
          + "); wait for it to finish or stop it, then resume");
    }
    ch.truncate(0);
    ch.write(ByteBuffer.wrap(describeThisProcess().getBytes(StandardCharsets.UTF_8)), 0);
    ch.force(true);
    return new RunLock(ch, lock, previous.isEmpty() ? null : previous);
  }

  /** The holder named by a lock file that was not locked: a run that ended without releasing it; else null. */
  public String staleHolder() {
    return staleHolder;
  }

  private static String holder(FileChannel ch) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate((int) Math.min(4096, ch.size()));
    ch.read(buf, 0);
    return new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8).strip();
  }

  private static String describeThisProcess() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      host = "unknown host";
    }
    return "pid " + ProcessHandle.current().pid() + " on " + host + ", started " + Instant.ofEpochMilli(
        ManagementFactory.getRuntimeMXBean().getStartTime()) + "\n";
  }

  /**
   * Empties the file and releases the lock. The file stays: deleting it would let a run that opened it a moment
   * before lock the deleted file while a third run locks a new one.
   */
  @Override
  public void close() throws IOException {
    try {
      channel.truncate(0);
      lock.release();
    } finally {
      channel.close();
    }
  }
}
