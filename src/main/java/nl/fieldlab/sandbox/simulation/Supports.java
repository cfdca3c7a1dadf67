package nl.fieldlab.sandbox.simulation;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import nl.fieldlab.sandbox.domain.Actor;
import nl.fieldlab.sandbox.domain.CourseFacts;
import nl.fieldlab.sandbox.domain.EmployerFacts;
import nl.fieldlab.sandbox.domain.PaymentType;
import nl.fieldlab.sandbox.domain.QuestionType;
import nl.fieldlab.sandbox.domain.WorkerFacts;
import nl.fieldlab.sandbox.rules.ProcessSupport;

/**
 * A variant's process supports in one run (mechanism take-up): which of them a case falls under (its scope, and room
 * under its caps), who took part, and what they cost. A participant is a worker whose hire or course a support helped
 * claim a scheme for; the support's cost per participant is booked once, from its payer to the provider that runs it,
 * so that it counts in the net public cost and the social cost like any other public spending.
 */
final class Supports {

    private final List<ProcessSupport> supports;
    private final BitSet[] participants;
    private final int[] count;
    private final double[] spent;

    Supports(List<ProcessSupport> supports, int workers) {
        this.supports = List.copyOf(supports);
        participants = new BitSet[supports.size()];
        for (int i = 0; i < participants.length; i++) {
            participants[i] = new BitSet(workers);
        }
        count = new int[supports.size()];
        spent = new double[supports.size()];
    }

    boolean none() {
        return supports.isEmpty();
    }

    /**
     * The supports whose scope covers a case (judged on the full facts, as an exemption's) and that can still take
     * the worker: one who already takes part, or room under the participants and budget caps.
     */
    List<ProcessSupport> inScope(QuestionType type, WorkerFacts w, EmployerFacts e, CourseFacts c, YearMonth month,
            int worker) {
        List<ProcessSupport> out = new ArrayList<>(supports.size());
        for (int i = 0; i < supports.size(); i++) {
            ProcessSupport s = supports.get(i);
            if (s.scope().covers(type, w, e, c, month) && (participants[i].get(worker) || hasRoom(i))) {
                out.add(s);
            }
        }
        return out;
    }

    /** The supports the worker takes part in: they go on helping with the claims of the same job or course. */
    List<ProcessSupport> joined(int worker) {
        List<ProcessSupport> out = new ArrayList<>();
        for (int i = 0; i < supports.size(); i++) {
            if (participants[i].get(worker)) {
                out.add(supports.get(i));
            }
        }
        return out;
    }

    private boolean hasRoom(int i) {
        var scope = supports.get(i).scope();
        return (scope.participants() <= 0 || count[i] < scope.participants())
                && (scope.budget() <= 0 || spent[i] + supports.get(i).costPerParticipant() <= scope.budget() + 1e-9);
    }

    /**
     * Admits a worker to an instrument support (a work-to-work route) that works with them itself rather than helping
     * a claim: once, while its caps have room, its payer paying the cost. Returns whether the worker takes part.
     */
    boolean admit(ProcessSupport s, int worker, int m, RunTotals totals) {
        int i = supports.indexOf(s);
        if (participants[i].get(worker)) {
            return true;
        }
        if (!hasRoom(i)) {
            return false;
        }
        participants[i].set(worker);
        count[i]++;
        spent[i] += s.costPerParticipant();
        totals.book(m, s.payer(), Actor.PROVIDER, PaymentType.IMPLEMENTATION, s.costPerParticipant());
        totals.supportParticipants.merge(s.id(), 1, Integer::sum);
        totals.supportCost.merge(s.id(), s.costPerParticipant(), Double::sum);
        return true;
    }

    /**
     * A hire or course starts whose claims the supports in {@code inScope} helped with (those that cover a scheme
     * the case was granted): each admits the worker as a participant, once, and its payer pays the cost.
     *
     * @param schemes the schemes the case was granted (claimed or not): a support that covers none did nothing
     */
    void started(List<ProcessSupport> inScope, java.util.Set<String> schemes, int worker, int m, RunTotals totals) {
        for (ProcessSupport s : inScope) {
            int i = supports.indexOf(s);
            if (participants[i].get(worker) || schemes.stream().noneMatch(s::covers) || !hasRoom(i)) {
                continue;
            }
            participants[i].set(worker);
            count[i]++;
            spent[i] += s.costPerParticipant();
            totals.book(m, s.payer(), Actor.PROVIDER, PaymentType.IMPLEMENTATION, s.costPerParticipant());
            totals.supportParticipants.merge(s.id(), 1, Integer::sum);
            totals.supportCost.merge(s.id(), s.costPerParticipant(), Double::sum);
        }
    }
}
