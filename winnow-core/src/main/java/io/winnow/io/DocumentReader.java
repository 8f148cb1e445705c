package io.winnow.io;

import java.io.Closeable;

/**
 * Streams the records of one input file as documents. Malformed records come back as rejections with their
 * location and the reader continues with the next record where the format allows it; a damaged stream (a
 * truncated gzip, say) ends with one rejection for the rest of the file.
 */
public interface DocumentReader extends Closeable {
  /** The next document or rejection, or null at the end of the file. Never throws for bad data. */
  ReadResult next();
}
