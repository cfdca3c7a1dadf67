package nl.fieldlab.sandbox.cluster;

import java.io.IOException;
import java.io.InputStream;

import com.hazelcast.config.ClassFilter;
import com.hazelcast.config.JavaSerializationFilterConfig;
import com.hazelcast.config.SerializationConfig;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

/**
 * What may travel between a client and its members: a {@link RunTask} and a {@link RunResult}, each written by hand
 * as bytes and a seal, and nothing else. Members and clients register these two types by number and refuse every
 * class a stream names (Java serialisation, or Hazelcast's reflective "zero-config" compact form): a sender cannot
 * make them build an object of its choosing, which is how a gadget chain or a URL lookup would start.
 */
final class Wire implements DataSerializableFactory {

    /** "FLAB": the number Hazelcast knows these types by. */
    static final int FACTORY = 0x464C4142;
    static final int TASK = 1;
    static final int RESULT = 2;

    @Override
    public IdentifiedDataSerializable create(int typeId) {
        return switch (typeId) {
            case TASK -> new RunTask();
            case RESULT -> new RunResult();
            default -> null;
        };
    }

    /**
     * Registers the two types and allows no class by name. Hazelcast reads an empty allow-list as "allow all" and its
     * default one allows every {@code java.*} class (java.net.URL among them), so the list names exactly the two wire
     * types, with the defaults off; they are not Java-serialisable, so no Java stream passes at all.
     */
    static void allowOnlyOwnTypes(SerializationConfig config) {
        config.addDataSerializableFactory(FACTORY, new Wire());
        JavaSerializationFilterConfig onlyOurs = new JavaSerializationFilterConfig().setDefaultsDisabled(true)
                .setWhitelist(new ClassFilter().addClasses(RunTask.class.getName(), RunResult.class.getName()));
        config.setJavaSerializationFilterConfig(onlyOurs);
        config.getCompactSerializationConfig().setZeroConfigFilter(new JavaSerializationFilterConfig(onlyOurs));
    }

    /** Writes {@code bytes} with their length. */
    static void writeBytes(ObjectDataOutput out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /**
     * Reads what {@link #writeBytes} wrote, refusing a length above {@code max} or above what the message holds
     * before anything is allocated for it.
     */
    static byte[] readBytes(ObjectDataInput in, int max, String what) throws IOException {
        int n = in.readInt();
        int left = in instanceof InputStream s ? s.available() : Integer.MAX_VALUE;
        if (n < 0 || n > max || n > left) {
            throw new IOException(what + ": " + n + " bytes, at most " + Math.min(max, left) + " possible");
        }
        byte[] bytes = new byte[n];
        in.readFully(bytes);
        return bytes;
    }
}
