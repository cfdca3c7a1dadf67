package nl.fieldlab.sandbox.cluster;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import nl.fieldlab.sandbox.app.WhatIf;
import nl.fieldlab.sandbox.input.YamlFile;

/**
 * What a task asks: one (variant, replication) run of a scenario, sent as the scenario file's bytes and content hash
 * with the seed, replications and what-if overrides the client ran with, and the client's rules hash and version,
 * which the member compares with its own. The run id ties a member's reply to this task of this run. Read back, every
 * field is checked and a field that does not fit is named.
 *
 * @param variant     index of the variant in the scenario's variants
 * @param replication replication number
 */
record TaskContent(byte[] runId, String rulesHash, String version, String fileName, byte[] scenario,
        String scenarioHash, long seed, int replications, WhatIf whatIf, int variant, int replication) {

    static final int RUN_ID_BYTES = 16;
    /** Most replications a task may name; far above what a run can hold (the run size check refuses sooner). */
    static final int MAX_REPLICATIONS = 1_000_000;
    /** The scenario and everything around it: the largest body a member reads. */
    static final int MAX_BYTES = (int) YamlFile.MAX_BYTES + (1 << 20);
    static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    static final Pattern VERSION = Pattern.compile("[A-Za-z0-9._+-]{1,64}");
    private static final Pattern FILE_NAME = Pattern.compile("[^/\\\\\\p{Cntrl}]{1,255}");
    private static final Pattern KEY = Pattern.compile("[^\\p{Cntrl}]{1,200}");
    private static final int MAX_OVERRIDES = 10_000;
    private static final int LAYOUT = 1;

    byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(scenario.length + 512);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(LAYOUT);
            out.write(runId);
            out.writeUTF(rulesHash);
            out.writeUTF(version);
            out.writeUTF(fileName);
            out.writeInt(scenario.length);
            out.write(scenario);
            out.writeUTF(scenarioHash);
            out.writeLong(seed);
            out.writeInt(replications);
            writeValues(out, whatIf.behaviour());
            out.writeInt(whatIf.parameters().size());
            for (Map.Entry<String, Map<String, Double>> e : whatIf.parameters().entrySet()) {
                out.writeUTF(e.getKey());
                writeValues(out, e.getValue());
            }
            out.writeInt(variant);
            out.writeInt(replication);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    /** The content {@link #encode} wrote; an {@link IOException} names the first field that does not fit. */
    static TaskContent decode(byte[] body) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(body));
        try {
            if (in.readInt() != LAYOUT) {
                throw new IOException("layout: another version of the tool sent this task");
            }
            byte[] runId = new byte[RUN_ID_BYTES];
            in.readFully(runId);
            String rulesHash = check("rules hash", in.readUTF(), HASH, "64 hex digits");
            String version = check("version", in.readUTF(), VERSION, "a version such as 1.4.0");
            String fileName = check("scenario file name", in.readUTF(), FILE_NAME, "a file name without a folder");
            if (fileName.equals(".") || fileName.equals("..")) {
                throw new IOException("scenario file name: expected a file name without a folder");
            }
            int length = in.readInt();
            if (length < 0 || length > YamlFile.MAX_BYTES || length > in.available()) {
                throw new IOException("scenario: " + length + " bytes, at most " + YamlFile.MAX_BYTES);
            }
            byte[] scenario = in.readNBytes(length);
            String scenarioHash = check("scenario hash", in.readUTF(), HASH, "64 hex digits");
            long seed = in.readLong();
            int replications = in.readInt();
            if (replications < 1 || replications > MAX_REPLICATIONS) {
                throw new IOException("replications: " + replications + ", expected 1 to " + MAX_REPLICATIONS);
            }
            Map<String, Double> behaviour = readValues(in, "what-if behaviour");
            Map<String, Map<String, Double>> parameters = new LinkedHashMap<>();
            int variants = count(in, "what-if parameters");
            for (int i = 0; i < variants; i++) {
                String variant = check("what-if variant", in.readUTF(), KEY, "a variant name");
                parameters.put(variant, readValues(in, "what-if parameters of " + variant));
            }
            int variant = in.readInt();
            int replication = in.readInt();
            if (variant < 0) {
                throw new IOException("variant: " + variant + " is not an index");
            }
            if (replication < 0 || replication >= replications) {
                throw new IOException("replication: " + replication + " is not one of the " + replications);
            }
            if (in.available() != 0) {
                throw new IOException("end: " + in.available() + " bytes after the task");
            }
            return new TaskContent(runId, rulesHash, version, fileName, scenario, scenarioHash, seed, replications,
                    new WhatIf(behaviour, parameters), variant, replication);
        } catch (EOFException e) {
            throw new IOException("end: the task stops short");
        }
    }

    private static String check(String field, String value, Pattern pattern, String expected) throws IOException {
        if (!pattern.matcher(value).matches()) {
            throw new IOException(field + ": expected " + expected + ", got " + value.length() + " characters");
        }
        return value;
    }

    private static int count(DataInputStream in, String field) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_OVERRIDES || n > in.available()) {
            throw new IOException(field + ": " + n + " entries, at most " + MAX_OVERRIDES);
        }
        return n;
    }

    private static void writeValues(DataOutputStream out, Map<String, Double> values) throws IOException {
        out.writeInt(values.size());
        for (Map.Entry<String, Double> e : values.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeDouble(e.getValue());
        }
    }

    private static Map<String, Double> readValues(DataInputStream in, String field) throws IOException {
        Map<String, Double> out = new LinkedHashMap<>();
        int n = count(in, field);
        for (int i = 0; i < n; i++) {
            String key = check(field, in.readUTF(), KEY, "a name");
            double value = in.readDouble();
            if (!Double.isFinite(value)) {
                throw new IOException(field + " " + key + ": " + value + " is not a number");
            }
            out.put(key, value);
        }
        return out;
    }

    @Override
    public String toString() {
        return fileName + " variant " + variant + " replication " + replication;
    }
}
