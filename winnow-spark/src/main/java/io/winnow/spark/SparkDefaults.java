package io.winnow.spark;

import org.apache.spark.SparkConf;

/** Settings Winnow asks for unless the user set them: Kryo for the shuffled observations and decisions. */
final class SparkDefaults {
  private SparkDefaults() {}

  static SparkConf apply(SparkConf conf) {
    conf.setIfMissing("spark.serializer", "org.apache.spark.serializer.KryoSerializer");
    conf.setIfMissing("spark.kryo.registrationRequired", "false");
    return conf;
  }

  /**
   * Kryo (Spark registers java.nio.HeapByteBuffer with it) needs java.nio opened to it; a driver the cluster starts
   * ({@code --deploy-mode cluster}) gets only spark.driver.extraJavaOptions, and would fail later on a Kryo stack
   * trace. Says what to pass instead.
   */
  static void requireOpenModules(SparkConf conf) {
    if (!conf.get("spark.serializer", "").contains("Kryo")) return;
    if (Object.class.getModule().isOpen("java.nio", SparkDefaults.class.getModule())) return;
    throw new IllegalStateException("this JVM was started without --add-opens=java.base/java.nio=ALL-UNNAMED (and the other "
        + "flags Spark needs on JDK 17+, docs/SPARK.md): in --deploy-mode cluster pass them with --conf "
        + "spark.driver.extraJavaOptions=\"...\", or choose another serializer with spark.serializer");
  }
}
