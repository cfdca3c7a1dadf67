/**
 * Runs a scenario's replications on a Hazelcast cluster: {@link nl.fieldlab.sandbox.cluster.Member} starts a member
 * that runs (variant, replication) tasks with its own rules; {@link nl.fieldlab.sandbox.cluster.ClusterRun} sends
 * them from the shell or a batch command and gathers the totals by index, so that a report is the same byte for
 * byte as a local run. Only two message types travel ({@link nl.fieldlab.sandbox.cluster.Wire}), each sealed with
 * the shared {@link nl.fieldlab.sandbox.cluster.ClusterKey}; the client checks a sample of results itself
 * ({@link nl.fieldlab.sandbox.cluster.Dispatch}). Nothing here starts unless asked: a plain run opens no network.
 */
package nl.fieldlab.sandbox.cluster;
