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
}
