package org.disclosure.extractor.spark;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * The driver's Hadoop settings carried to the executors (file system connectors, credentials set as
 * spark.hadoop.*), so that they open the input files the way the driver listed them.
 */
record HadoopSettings(Map<String, String> entries) implements Serializable {

    static HadoopSettings of(Configuration conf) {
        Map<String, String> entries = new HashMap<>();
        conf.forEach(e -> entries.put(e.getKey(), e.getValue()));
        return new HadoopSettings(entries);
    }

    Configuration configuration() {
        Configuration conf = new Configuration(false);
        entries.forEach(conf::set);
        return conf;
    }
}
