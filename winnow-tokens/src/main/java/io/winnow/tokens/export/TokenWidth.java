package io.winnow.tokens.export;

import java.nio.ByteBuffer;

/** How many bytes each stored token id takes, chosen from the vocabulary size as the training frameworks do. */
enum TokenWidth {
  UINT16(2), INT32(4), UINT32(4);

  final int bytes;

  TokenWidth(int bytes) {
    this.bytes = bytes;
  }

  void put(ByteBuffer out, int id) {
    if (bytes == 2) out.putShort((short) id);
    else out.putInt(id);
  }
}
