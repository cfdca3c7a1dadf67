package nl.fieldlab.sandbox.cluster;

import java.io.IOException;
import java.security.MessageDigest;

/**
 * A member's reply as it travels: the bytes of a {@link ResultContent} and the member's seal over them. A client
 * checks the seal with its key, then that the reply answers the task it sent, and only then reads it.
 */
public final class RunResult extends Sealed {

    static final String TAG = "fieldlab-result";

    /** For Hazelcast, which fills it with {@link #readData}. */
    public RunResult() {
    }

    private RunResult(byte[] body, byte[] mac) {
        super(body, mac);
    }

    static RunResult seal(ResultContent content, ClusterKey key) {
        byte[] body = content.encode();
        return new RunResult(body, key.mac(TAG, body));
    }

    /** The reply's content, once its seal verifies with {@code key} and it answers {@code task}. */
    ResultContent open(ClusterKey key, RunTask task) throws NotVerified, IOException {
        if (!key.verifies(TAG, body(), mac())) {
            throw new NotVerified();
        }
        ResultContent content = ResultContent.decode(body());
        if (!MessageDigest.isEqual(content.taskMac(), task.mac())) {
            throw new IOException("task: the reply answers another task");
        }
        return content;
    }

    /** A reply whose seal does not verify: made with another key, or changed on the way. */
    static final class NotVerified extends Exception {
        private static final long serialVersionUID = 1L;
    }

    @Override
    int maxBody() {
        return ResultContent.MAX_TOTALS + (1 << 20);
    }

    @Override
    String what() {
        return "reply";
    }

    @Override
    public int getClassId() {
        return Wire.RESULT;
    }
}
