package nl.fieldlab.sandbox.simulation;

import java.time.YearMonth;
import java.util.List;

import nl.fieldlab.sandbox.domain.QuestionType;

/**
 * One answer an exemption changed, against the baseline's answer to the same question, with what became of the
 * worker in both runs of the replication: the example a report gives of how an exemption works (what
 * {@code explain WORKER --diff VARIANT} shows in full).
 *
 * @param worker        the worker's id (as {@code explain} takes it)
 * @param group         the index of the worker's group in the scenario
 * @param exemption     the exemption whose scope the question fell in
 * @param month         the month the question was asked
 * @param type          the decision it feeds
 * @param baseBlockedBy the rule that blocked the action in the baseline, or null when it was allowed
 * @param blockedBy     the rule that blocked it in the variant, or null when allowed
 * @param onlyHere      rules that fired in the variant's answer and not in the baseline's
 * @param onlyInBase    rules that fired in the baseline's answer and not in the variant's
 * @param terms         entitlements, obligations and amounts that differ, each {@code key base -> variant}
 * @param basePlaced    the month index of the worker's first placement in the baseline run, or -1 (never)
 * @param placed        the same in the variant's run
 */
public record ChangedAnswer(int worker, int group, String exemption, YearMonth month, QuestionType type,
        String baseBlockedBy, String blockedBy, List<String> onlyHere, List<String> onlyInBase, List<String> terms,
        int basePlaced, int placed) implements java.io.Serializable {

    /** Most changed answers a run keeps per exemption, in the order they were asked. */
    static final int KEPT = 64;

    ChangedAnswer withPlacements(int basePlaced, int placed) {
        return new ChangedAnswer(worker, group, exemption, month, type, baseBlockedBy, blockedBy, onlyHere, onlyInBase,
                terms, basePlaced, placed);
    }

    /** Months the worker's first job came later in the variant (to the horizon when never); for set-backs. */
    public int delay() {
        return placed < 0 ? Integer.MAX_VALUE : placed - basePlaced;
    }

    /** Whether the worker was placed later in the variant than in the baseline, or not at all. */
    public boolean setBack() {
        return basePlaced >= 0 && (placed < 0 || placed > basePlaced);
    }
}
