package nl.fieldlab.sandbox.cluster;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * What a member answers to one task: the seal of the task it answers, whether it ran it, a short message (addresses
 * and hash prefixes only: it goes to another machine), the rules hash, scenario hash and version it ran with, and the
 * totals as {@link nl.fieldlab.sandbox.simulation.RunTotalsCodec} wrote them (empty unless it ran).
 */
record ResultContent(byte[] taskMac, Status status, String message, String rulesHash, String scenarioHash,
        String version, byte[] totals) {

    /** What became of a task on the member. */
    enum Status {
        /** ran; the totals are in the reply */
        RAN,
        /** the task's seal does not verify with the member's key: nothing in it was read */
        NOT_VERIFIED,
        /** a field of the task does not fit (the message names it) */
        MALFORMED,
        /** the member has other rules than the task names */
        OTHER_RULES,
        /** the member runs another version of the tool */
        OTHER_VERSION,
        /** the member could not run it (its console says why) */
        FAILED
    }

    /** The largest totals a client reads: a million workers with a few exemptions. */
    static final int MAX_TOTALS = 512 << 20;
    private static final int MAX_MESSAGE = 400;
    private static final int LAYOUT = 1;

    byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(totals.length + 512);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(LAYOUT);
            out.write(taskMac);
            out.writeInt(status.ordinal());
            out.writeUTF(message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) : message);
            out.writeUTF(rulesHash);
            out.writeUTF(scenarioHash);
            out.writeUTF(version);
            out.writeInt(totals.length);
            out.write(totals);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    /** The content {@link #encode} wrote; an {@link IOException} names the first field that does not fit. */
    static ResultContent decode(byte[] body) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(body));
        try {
            if (in.readInt() != LAYOUT) {
                throw new IOException("layout: another version of the tool sent this reply");
            }
            byte[] taskMac = in.readNBytes(ClusterKey.MAC_BYTES);
            int status = in.readInt();
            if (status < 0 || status >= Status.values().length) {
                throw new IOException("status: " + status + " is not one the tool knows");
            }
            String message = in.readUTF();
            if (message.length() > MAX_MESSAGE) {
                throw new IOException("message: " + message.length() + " characters, at most " + MAX_MESSAGE);
            }
            String rulesHash = hash("rules hash", in.readUTF());
            String scenarioHash = in.readUTF();
            if (!scenarioHash.isEmpty()) {
                hash("scenario hash", scenarioHash);
            }
            String version = in.readUTF();
            if (!TaskContent.VERSION.matcher(version).matches()) {
                throw new IOException("version: expected a version such as 1.4.0, got " + version.length()
                        + " characters");
            }
            int length = in.readInt();
            if (length < 0 || length > MAX_TOTALS || length > in.available()) {
                throw new IOException("totals: " + length + " bytes where " + in.available() + " are left");
            }
            byte[] totals = in.readNBytes(length);
            if (in.available() != 0) {
                throw new IOException("end: " + in.available() + " bytes after the reply");
            }
            return new ResultContent(taskMac, Status.values()[status], printable(message), rulesHash, scenarioHash,
                    version, totals);
        } catch (EOFException e) {
            throw new IOException("end: the reply stops short");
        }
    }

    private static String hash(String field, String value) throws IOException {
        if (!TaskContent.HASH.matcher(value).matches()) {
            throw new IOException(field + ": expected 64 hex digits, got " + value.length() + " characters");
        }
        return value;
    }

    /** A message from another machine, with anything that could steer a terminal taken out. */
    private static String printable(String message) {
        return message.replaceAll("\\p{Cntrl}", " ");
    }
}
