package io.winnow.spark;

import java.io.Serializable;

/**
 * One input file, the unit of work as in the local engine: its index (output names follow it), where to read it
 * (a Hadoop path: file:, hdfs:, s3a: ...), the name its documents give as their source, and its format. A plain
 * class: Spark moves it with Kryo, which cannot build records.
 */
final class ShardRef implements Serializable {
  private static final long serialVersionUID = 1L;
  private final int index;
  private final String uri;
  private final String source;
  private final String format;
  private final boolean remote;

  /** @param remote read through the Hadoop file system into a local copy (else {@code uri} is a local path) */
  ShardRef(int index, String uri, String source, String format, boolean remote) {
    this.remote = remote;
    this.index = index;
    this.uri = uri;
    this.source = source;
    this.format = format;
  }

  int index() { return index; }
  String uri() { return uri; }
  String source() { return source; }
  String format() { return format; }
  boolean remote() { return remote; }
}
