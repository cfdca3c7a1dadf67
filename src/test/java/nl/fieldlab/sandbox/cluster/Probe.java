package nl.fieldlab.sandbox.cluster;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.concurrent.Callable;

/**
 * What a foreign client sends a member to find out whether it deserialises and runs what it is sent: each leaves a
 * marker file when it is deserialised, hashed or called in another process than the one that made it, the way the
 * URLDNS gadget makes a member look up a host (a {@link HashMap} computes its keys' hash codes while it is read).
 */
final class Probe implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String marker;
    private final long madeIn = ProcessHandle.current().pid();

    Probe(Path marker) {
        this.marker = marker.toString();
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        mark(marker, "deserialised");
    }

    @Override
    public int hashCode() {
        if (ProcessHandle.current().pid() != madeIn) {
            mark(marker, "hashed");
        }
        return 1;
    }

    @Override
    public boolean equals(Object o) {
        return o == this;
    }

    static void mark(String marker, String what) {
        try {
            Files.writeString(Path.of(marker), what + "\n", java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Java-serialisable task holding a map whose key marks when the map is read (the URLDNS shape). */
    static final class MapTask implements Callable<String>, Serializable {
        private static final long serialVersionUID = 1L;
        private final HashMap<Object, String> map = new HashMap<>();

        MapTask(Path marker) {
            map.put(new Probe(marker), "x");
        }

        @Override
        public String call() {
            return "ran";
        }
    }

    /** A Java-serialisable task that marks when it runs. */
    static final class CalledTask implements Callable<String>, Serializable {
        private static final long serialVersionUID = 1L;
        private final String marker;

        CalledTask(Path marker) {
            this.marker = marker.toString();
        }

        @Override
        public String call() {
            mark(marker, "called");
            return "ran";
        }
    }

    /** A task that is not Serializable at all: Hazelcast sends it by reflection (zero-config compact). */
    static final class ReflectedTask implements Callable<String> {
        private String marker;

        ReflectedTask() {
        }

        ReflectedTask(Path marker) {
            this.marker = marker.toString();
        }

        @Override
        public String call() {
            mark(marker, "called by reflection");
            return "ran";
        }
    }
}
