package nl.fieldlab.sandbox.cluster;

import java.io.Serializable;
import java.util.concurrent.Callable;

import nl.fieldlab.sandbox.app.WhatIf;
import nl.fieldlab.sandbox.rules.Hashes;
import nl.fieldlab.sandbox.simulation.RunTotals;

/**
 * One (variant, replication) run of a scenario, sent to a member: the scenario file's bytes and content hash, the
 * seed, replications and what-if overrides the client ran with, and the client's rules hash and version, which the
 * member checks against its own before running anything.
 *
 * @param variant     index of the variant in the scenario's variants
 * @param replication replication number
 */
public record RunTask(String rulesHash, String version, String fileName, byte[] scenarioFile, String scenarioHash,
        long seed, int replications, WhatIf whatIf, int variant, int replication)
        implements Callable<RunTotals>, Serializable {

    private static final long serialVersionUID = 1L;

    @Override
    public RunTotals call() {
        Member member = Member.serving();
        member.check(rulesHash, version);
        if (!Hashes.sha256(scenarioFile).equals(scenarioHash)) {
            throw new Member.ClusterMismatch("the scenario " + fileName + " arrived at " + member.address()
                    + " with another content hash than it was sent with");
        }
        return member.plan(this).run(variant, replication, () -> false, () -> {
        });
    }

    @Override
    public String toString() {
        return fileName + " variant " + variant + " replication " + replication;
    }
}
