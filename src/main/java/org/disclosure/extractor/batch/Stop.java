package org.disclosure.extractor.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * How a run is asked to stop: Ctrl-C (SIGINT) or SIGTERM while it runs. The first asks the run to stop
 * cleanly (no more files handed out, the workers killed, the files in flight left unrecorded, every output
 * closed whole); a second stops the process at once. The signals are caught while the run lasts and the
 * previous handlers put back after; where they cannot be caught (a JVM run with -Xrs, a platform without
 * SIGTERM) a shutdown hook asks for the same clean stop and waits a little for it.
 */
final class Stop implements AutoCloseable {

    /** How long the shutdown hook lets the run finish its outputs before the JVM ends anyway. */
    private static final long HOOK_WAIT_SECONDS = 20;

    private final Runnable onStop;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final List<Signal> caught = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();
    private final Thread hook;
    private final AtomicReference<String> signal = new AtomicReference<>();

    private Stop(Runnable onStop) {
        this.onStop = onStop;
        this.hook = new Thread(() -> {
            request("shutdown", 0);
            try {
                closed.await(HOOK_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "stop-run");
    }

    /** Catches SIGINT and SIGTERM until closed; {@code onStop} runs once, on the first. */
    static Stop install(Runnable onStop) {
        Stop stop = new Stop(onStop);
        for (String name : List.of("INT", "TERM")) {
            try {
                Signal s = new Signal(name);
                SignalHandler before = Signal.handle(s, sig -> stop.request(name, sig.getNumber()));
                stop.caught.add(s);
                stop.previous.add(before);
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // not catchable here (-Xrs, or no such signal on this platform): the shutdown hook stands in
            }
        }
        Runtime.getRuntime().addShutdownHook(stop.hook);
        return stop;
    }

    /**
     * A stop asked for only by {@link #request} (a service cancelling one run of many): no signal is caught and no
     * shutdown hook added, so the process's own Ctrl-C handling is left alone.
     */
    static Stop onRequest(Runnable onStop) {
        return new Stop(onStop);
    }

    void request(String name, int number) {
        if (!signal.compareAndSet(null, name)) {
            if (number > 0) {
                Runtime.getRuntime().halt(128 + number); // asked twice: stop now
            }
            return;
        }
        onStop.run();
    }

    /** Whether a stop was asked for. */
    boolean requested() {
        return signal.get() != null;
    }

    /** The signal that asked for the stop (INT, TERM, or shutdown), or null. */
    String signal() {
        return signal.get();
    }

    /** The exit status a process stopped by this signal conventionally ends with (130 for INT, 143 for TERM). */
    static int exitStatus(String signal) {
        return switch (signal) {
            case "INT" -> 130;
            case "TERM" -> 143;
            default -> 1;
        };
    }

    @Override
    public void close() {
        closed.countDown();
        for (int i = 0; i < caught.size(); i++) {
            Signal.handle(caught.get(i), previous.get(i));
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // IllegalArgumentException: never added (a stop on request only); IllegalStateException:
            // shutting down already
        }
    }
}
