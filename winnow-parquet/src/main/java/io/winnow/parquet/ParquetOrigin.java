package io.winnow.parquet;

import org.apache.parquet.example.data.Group;
import org.apache.parquet.schema.MessageType;

/** The row a conversation was read from and its file's schema, to write it back in that schema. */
record ParquetOrigin(MessageType schema, Group row) {}
