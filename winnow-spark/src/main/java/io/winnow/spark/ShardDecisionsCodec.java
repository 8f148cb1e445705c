package io.winnow.spark;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.Serializable;

/**
 * How one kind of fitted decisions is written to and read from the run directory ({@link FitStore}): one entry
 * at a time, so that a shard's decisions are streamed to their file, then all of a shard's entries read back.
 *
 * @param <E> one entry (a removal, a cluster member)
 */
interface ShardDecisionsCodec<E> extends Serializable {
  /** The name the fit's marker records, to read the files back with the same codec. */
  String kind();

  /** Writes one entry, its document's identity key first. */
  void write(DataOutputStream out, E entry) throws IOException;

  /** The decisions of a shard without any entries. */
  ShardDecisions none();

  /** Reads the rest of one entry, which starts with the document's identity key, into a shard's decisions. */
  void readEntry(DataInputStream in, long key, ShardDecisions into) throws IOException;

  /** The decisions of one shard, from a stream of the entries {@link #write} wrote (each starting with a key), up to its end. */
  default ShardDecisions read(DataInputStream in) throws IOException {
    ShardDecisions d = none();
    while (true) {
      long key;
      try {
        key = in.readLong();
      } catch (EOFException end) {
        return d;
      }
      readEntry(in, key, d);
    }
  }

  /** Strings that may be null (an id), as a presence byte and UTF. */
  static void writeNullable(DataOutputStream out, String s) throws IOException {
    out.writeBoolean(s != null);
    if (s != null) out.writeUTF(s);
  }

  static String readNullable(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readUTF() : null;
  }
}
