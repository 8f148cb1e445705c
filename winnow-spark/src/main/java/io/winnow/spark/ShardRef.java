package io.winnow.spark;

import java.io.Serializable;

/**
 * One input file, the unit of work as in the local engine: its index (output names follow it), where to read it
 * (a Hadoop path: file:, hdfs:, s3a: ...), the name its documents give as their source, and its format.
 */
record ShardRef(int index, String uri, String source, String format) implements Serializable {}
