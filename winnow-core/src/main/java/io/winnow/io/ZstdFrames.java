package io.winnow.io;

import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

/**
 * Decompresses a zstd file frame after frame, keeping the compressed offset of each frame, so that damage (a cut
 * frame, bytes after the last frame that are not a frame) is a {@link DamagedStreamException} naming where the
 * readable data ends. Bytes decoded before the damage are returned first. zstd-jni's stream API does not say how
 * much input it consumed, so this drives the decompression context directly.
 */
final class ZstdFrames extends MemberStream {
  private static final int SIZE = 1 << 17;
  private final InputStream raw;
  private final ZstdDecompressCtx ctx = new ZstdDecompressCtx();
  private final ByteBuffer src = ByteBuffer.allocateDirect(SIZE).flip();
  private final ByteBuffer dst = ByteBuffer.allocateDirect(SIZE).flip();
  private final byte[] chunk = new byte[SIZE];
  /** Raw bytes read into src so far; the offset of src's next byte is rawRead - src.remaining(). */
  private long rawRead;
  private long frameOffset;
  private boolean inFrame;
  private boolean eof;
  private DamagedStreamException pending;

  ZstdFrames(InputStream raw) {
    this.raw = raw;
  }

  @Override
  long memberOffset() {
    return frameOffset;
  }

  /** zstd frames carry no reliable marker to search for inside damaged data; the rest of the file is lost. */
  @Override
  boolean resync() {
    eof = true;
    return false;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) return 0;
    while (!dst.hasRemaining()) {
      if (pending != null) {
        DamagedStreamException e = pending;
        pending = null;
        throw e;
      }
      if (eof) return -1;
      decode();
    }
    int n = Math.min(len, dst.remaining());
    dst.get(b, off, n);
    return n;
  }

  private void decode() throws IOException {
    if (!inFrame) {
      if (!src.hasRemaining() && !fill()) {
        eof = true;
        return;
      }
      frameOffset = rawRead - src.remaining();
      inFrame = true;
    }
    if (!src.hasRemaining()) fill();
    boolean noMoreInput = !src.hasRemaining(); // the decoder may still flush what it holds
    boolean frameDone = false;
    dst.clear();
    try {
      frameDone = ctx.decompressDirectByteBufferStream(dst, src);
    } catch (ZstdException e) {
      inFrame = false;
      pending = new DamagedStreamException(frameOffset, "bad zstd data: " + e.getMessage(), false);
    } finally {
      dst.flip();
    }
    if (frameDone) {
      inFrame = false;
    } else if (pending == null && noMoreInput && !dst.hasRemaining()) {
      inFrame = false;
      pending = new DamagedStreamException(frameOffset, "zstd frame truncated (the file ends inside it)", true);
    }
  }

  private boolean fill() throws IOException {
    int n;
    do {
      n = raw.read(chunk, 0, chunk.length - src.remaining());
    } while (n == 0);
    if (n < 0) return false;
    src.compact();
    src.put(chunk, 0, n);
    src.flip();
    rawRead += n;
    return true;
  }

  @Override
  public void close() throws IOException {
    ctx.close();
    raw.close();
  }
}
