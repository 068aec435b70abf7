package org.disclosure.extractor.spark;

import org.apache.spark.sql.SparkSession;

/** One Spark session in local[2] mode for the tests of this JVM (starting one takes seconds). */
final class LocalSpark {

    private LocalSpark() {
    }

    static synchronized SparkSession session() {
        return SparkSession.builder()
                .master("local[2]")
                .appName("disclosure-extractor-tests")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .getOrCreate();
    }
}
