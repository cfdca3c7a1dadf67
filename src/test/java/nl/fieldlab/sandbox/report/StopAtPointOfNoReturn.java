package nl.fieldlab.sandbox.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import nl.fieldlab.sandbox.FieldlabApplication;

/**
 * A second process for {@link InterruptedWriteTest}: runs a command as {@code java -jar fieldlab.jar ...} does, but
 * when its report folder passes the point of no return it says so and waits for a line on its standard input
 * before moving the folder into place, so that a test can send it a signal at exactly that moment.
 */
public final class StopAtPointOfNoReturn {

    public static final String MARK = "at the point of no return";

    private StopAtPointOfNoReturn() {
    }

    public static void main(String[] args) {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        ReportFolder.atPointOfNoReturn = () -> {
            System.out.println(MARK);
            System.out.flush();
            try {
                in.readLine();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        System.exit(FieldlabApplication.run(args, Map.of()));
    }
}
