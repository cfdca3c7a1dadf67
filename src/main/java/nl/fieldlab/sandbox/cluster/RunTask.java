package nl.fieldlab.sandbox.cluster;

import java.io.IOException;
import java.util.concurrent.Callable;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

/**
 * A task as it travels: the bytes of a {@link TaskContent} and the client's seal over them. A member reads the two
 * as bytes, checks the seal with its key, and only then reads what the bytes say ({@link Member#serve}).
 */
public final class RunTask implements IdentifiedDataSerializable, Callable<RunResult>, HazelcastInstanceAware {

    static final String TAG = "fieldlab-task";

    private byte[] body;
    private byte[] mac;
    private transient String memberName;

    /** For Hazelcast, which fills it with {@link #readData}. */
    public RunTask() {
    }

    private RunTask(byte[] body, byte[] mac) {
        this.body = body;
        this.mac = mac;
    }

    static RunTask seal(TaskContent content, ClusterKey key) {
        byte[] body = content.encode();
        return new RunTask(body, key.mac(TAG, body));
    }

    byte[] body() {
        return body;
    }

    byte[] mac() {
        return mac;
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance instance) {
        this.memberName = instance.getName();
    }

    @Override
    public RunResult call() {
        Member member = Member.named(memberName);
        if (member == null) {
            throw new IllegalStateException("this process is not a fieldlab member");
        }
        return member.serve(this);
    }

    @Override
    public int getFactoryId() {
        return Wire.FACTORY;
    }

    @Override
    public int getClassId() {
        return Wire.TASK;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        Wire.writeBytes(out, body);
        Wire.writeBytes(out, mac);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        body = Wire.readBytes(in, TaskContent.MAX_BYTES, "task");
        mac = Wire.readBytes(in, ClusterKey.MAC_BYTES, "task seal");
    }
}
