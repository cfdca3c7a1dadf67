package nl.fieldlab.sandbox.report;

import java.nio.file.Path;

/** A second process for {@link ReportFolderTest}: claims a report folder, says so, and holds it until killed. */
public final class HoldClaim {

    private HoldClaim() {
    }

    public static void main(String[] args) throws InterruptedException {
        try (ReportFolder.Claim claim = ReportFolder.claim(Path.of(args[0]))) {
            System.out.println("held");
            System.out.flush();
            Thread.sleep(60_000);
        }
    }
}
