package nl.fieldlab.sandbox.cluster;

import java.io.IOException;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

/**
 * Bytes and the seal over them, the one form in which anything travels between a client and its members (a
 * {@link RunTask} or a {@link RunResult}). The receiver reads both as bytes of bounded length and checks the seal
 * before it reads what the bytes say.
 */
abstract class Sealed implements IdentifiedDataSerializable {

    private byte[] body;
    private byte[] mac;

    /** For Hazelcast, which fills it with {@link #readData}. */
    Sealed() {
    }

    Sealed(byte[] body, byte[] mac) {
        this.body = body;
        this.mac = mac;
    }

    byte[] body() {
        return body;
    }

    byte[] mac() {
        return mac;
    }

    /** The most bytes a body of this kind may have. */
    abstract int maxBody();

    /** What this is, in a message about a bad one: "task", "reply". */
    abstract String what();

    @Override
    public final int getFactoryId() {
        return Wire.FACTORY;
    }

    @Override
    public final void writeData(ObjectDataOutput out) throws IOException {
        Wire.writeBytes(out, body);
        Wire.writeBytes(out, mac);
    }

    @Override
    public final void readData(ObjectDataInput in) throws IOException {
        body = Wire.readBytes(in, maxBody(), what());
        mac = Wire.readBytes(in, ClusterKey.MAC_BYTES, what() + " seal");
    }
}
