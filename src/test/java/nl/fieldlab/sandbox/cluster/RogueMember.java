package nl.fieldlab.sandbox.cluster;

import java.nio.file.Path;
import java.util.List;

import nl.fieldlab.sandbox.app.WhatIf;
import nl.fieldlab.sandbox.app.Workbench;
import nl.fieldlab.sandbox.scenario.Scenario;

/**
 * A member that lies: it has the honest rules (so its rules hash and, with the key, its replies are the honest
 * ones) but runs every scenario it is sent with other job-search chances, so its totals look plausible and are
 * wrong in every run. Started as its own JVM by {@link ClusterTest}: {@code RogueMember RULES NAME MEMBERS PORT KEY_FILE}.
 */
public final class RogueMember {

    private RogueMember() {
    }

    public static void main(String[] args) throws Exception {
        Workbench lying = new Workbench(args[0], Path.of(System.getProperty("java.io.tmpdir"), "rogue-reports")
                .toString(), List.of()) {
            @Override
            public Scenario readScenario(Path file) {
                return WhatIf.none().withBehaviour("search.contact.WW", 0.5).withBehaviour("search.contact.BIJSTAND",
                        0.5).applyTo(super.readScenario(file));
            }
        };
        Member m = Member.start(lying, new ClusterSettings(args[1], args[2], Integer.parseInt(args[3]), args[4], "0"),
                line -> {
                    System.out.println(line);
                    System.out.flush();
                });
        System.out.println("Rogue member at " + m.address() + ". Waiting for work");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
