package org.disclosure.extractor.cli;

import java.io.IOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.disclosure.extractor.batch.Progress;
import org.disclosure.extractor.serve.WebServer;
import org.disclosure.extractor.serve.UploadLimits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `serve`: the web page, for people who do not use a terminal. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        header = "Start the web page: drop reports in a browser, see every figure on the page it came from.",
        description = {"Starts a web server in this process and prints its address. In the page, drop reports",
                "(or a zip of them); they are read by the same workers as extract, with a progress bar. The",
                "results table lists each report's department, region, year, kind, main totals and findings;",
                "a report's page shows its values by section with their sentences, its line items and findings,",
                "and clicking a value shows the report's page with the figure marked. Downloads: records CSV,",
                "workbook, JSON. Batches are kept under --data and visible only to the browser that made them.",
                "Nothing is fetched from the network. Ctrl-C stops the server."})
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "<port>",
            description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "<address>",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only). 0.0.0.0 lets other "
                    + "machines in: do that only on a network you trust, as anyone who reaches it can upload.")
    String host;

    @Option(names = "--data", defaultValue = "disclosure-data", paramLabel = "<dir>",
            description = "Folder for the uploads and results of every batch (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--max-files", defaultValue = "500", paramLabel = "<n>",
            description = "Files one batch may hold (default: ${DEFAULT-VALUE}).")
    int maxFiles;

    @Option(names = "--max-batch", defaultValue = "2048", paramLabel = "<MB>",
            description = "Bytes one batch may hold, zips unpacked (default: ${DEFAULT-VALUE} MB).")
    long maxBatch;

    @Mixin
    WorkerOptions workers;

    @Override
    public Integer call() throws IOException, InterruptedException {
        String problem = workers.problem();
        if (problem != null) {
            return UsageErrors.report(spec, problem);
        }
        if (port < 0 || port > 65535) {
            return UsageErrors.report(spec, "--port must be between 0 and 65535, not " + port);
        }
        if (maxFiles < 1 || maxBatch < 1) {
            return UsageErrors.report(spec, "--max-files and --max-batch must be at least 1");
        }
        if (Files.exists(data) && !Files.isDirectory(data)) {
            return UsageErrors.report(spec, "--data " + data + " is a file; give a folder for the batches");
        }
        WebServer server;
        try {
            server = new WebServer(host, port, data,
                    new UploadLimits(workers.maxSize * 1024 * 1024, maxFiles, maxBatch * 1024 * 1024),
                    workers.batch("full", false, false, Progress.Mode.NONE, 0), System.err);
        } catch (BindException e) {
            return UsageErrors.report(spec, host + ":" + port + " is taken or not this machine's ("
                    + e.getMessage() + "); give another --port, or --port 0 for a free one");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "serve-stop"));
        server.start();
        System.out.println("serve: " + server.url() + " (batches in " + data.toAbsolutePath().normalize()
                + "; Ctrl-C stops)");
        System.out.flush();
        stopped.await();
        return 0;
    }
}
