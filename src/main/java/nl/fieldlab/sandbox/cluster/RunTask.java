package nl.fieldlab.sandbox.cluster;

import java.util.concurrent.Callable;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;

/**
 * A task as it travels: the bytes of a {@link TaskContent} and the client's seal over them. A member reads the two
 * as bytes, checks the seal with its key, and only then reads what the bytes say ({@link Member#serve}).
 */
public final class RunTask extends Sealed implements Callable<RunResult>, HazelcastInstanceAware {

    static final String TAG = "fieldlab-task";

    private transient String memberName;

    /** For Hazelcast, which fills it with {@link #readData}. */
    public RunTask() {
    }

    private RunTask(byte[] body, byte[] mac) {
        super(body, mac);
    }

    static RunTask seal(TaskContent content, ClusterKey key) {
        byte[] body = content.encode();
        return new RunTask(body, key.mac(TAG, body));
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
    int maxBody() {
        return TaskContent.MAX_BYTES;
    }

    @Override
    String what() {
        return "task";
    }

    @Override
    public int getClassId() {
        return Wire.TASK;
    }
}
