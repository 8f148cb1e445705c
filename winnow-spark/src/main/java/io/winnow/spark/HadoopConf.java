package io.winnow.spark;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * The driver's Hadoop configuration (spark.hadoop.* settings, credentials providers, ...) as executors need it
 * to open the same file systems; Hadoop's own class is not serializable.
 */
final class HadoopConf implements Serializable {
  private static final long serialVersionUID = 1L;
  private final Map<String, String> entries = new HashMap<>();
  private transient Configuration conf;

  HadoopConf(Configuration c) {
    for (Map.Entry<String, String> e : c) entries.put(e.getKey(), e.getValue());
  }

  Configuration get() {
    if (conf == null) {
      Configuration c = new Configuration(false);
      entries.forEach(c::set);
      conf = c;
    }
    return conf;
  }
}
