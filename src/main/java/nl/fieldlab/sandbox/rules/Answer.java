package nl.fieldlab.sandbox.rules;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import nl.fieldlab.sandbox.domain.Actor;
import nl.fieldlab.sandbox.domain.PaymentType;

/**
 * The rules' answer to one question, every line attributed to the rule that produced it. Lines are sorted, so an
 * answer is the same however the engine happened to fire. Immutable; lookups by key are precomputed because the
 * simulation reads them every month.
 */
public final class Answer {

    /** A rule blocked the action. */
    public record BlockLine(String ruleId, String reason) {
    }

    /** A keyed value (entitlement, obligation, amount) set by a rule. */
    public record ValueLine(String ruleId, String key, double value) {
    }

    /** A target group the worker was classified into, and by which rule. */
    public record GroupLine(String ruleId, String group) {
    }

    /**
     * Money paid monthly in spell months {@code fromMonth} to {@code toMonth}.
     *
     * @param exemption the exemption whose rule set the payment, or null for a baseline rule
     */
    public record PaymentLine(String ruleId, PaymentType type, Actor payer, Actor payee, double amount, int fromMonth,
            int toMonth, String note, String exemption) {

        public boolean paidIn(int spellMonth) {
            return spellMonth >= fromMonth && spellMonth <= toMonth;
        }
    }

    private final List<BlockLine> blocks;
    private final List<ValueLine> entitlements;
    private final List<ValueLine> obligations;
    private final List<ValueLine> amounts;
    private final List<PaymentLine> payments;
    private final List<GroupLine> groups;
    private final List<String> fired;
    private final Set<String> exemptionsUsed;

    /**
     * Lines may come in any order: the answer sorts them (by rule id, then key or type) so that it does not depend
     * on the order the rules happened to fire in.
     *
     * @param exemptionsUsed exemptions whose rules fired for this question
     * @throws RuleConflictException when two rules set the same key to different values
     */
    public Answer(List<BlockLine> blocks, List<ValueLine> entitlements, List<ValueLine> obligations,
            List<ValueLine> amounts, List<PaymentLine> payments, List<GroupLine> groups, List<String> fired,
            Set<String> exemptionsUsed) {
        this.blocks = sorted(blocks, BY_BLOCK);
        this.entitlements = sorted(entitlements, BY_VALUE);
        this.obligations = sorted(obligations, BY_VALUE);
        this.amounts = sorted(amounts, BY_VALUE);
        this.payments = sorted(payments, BY_PAYMENT);
        this.groups = sorted(groups, BY_GROUP);
        this.fired = List.copyOf(fired);
        this.exemptionsUsed = Set.copyOf(exemptionsUsed);
        checkConsistent(this.entitlements);
        checkConsistent(this.obligations);
        checkConsistent(this.amounts);
    }

    public List<BlockLine> blocks() {
        return blocks;
    }

    public List<ValueLine> entitlements() {
        return entitlements;
    }

    public List<ValueLine> obligations() {
        return obligations;
    }

    public List<ValueLine> amounts() {
        return amounts;
    }

    public List<PaymentLine> payments() {
        return payments;
    }

    public List<GroupLine> groups() {
        return groups;
    }

    /** Ids of every rule that fired, in order of id. */
    public List<String> fired() {
        return fired;
    }

    /** Exemptions whose rules fired for this question (shaped the answer). */
    public Set<String> exemptionsUsed() {
        return exemptionsUsed;
    }

    public boolean allowed() {
        return blocks.isEmpty();
    }

    /** The rule that blocked the action (the first by id when several did), or null when allowed. */
    public String blockedBy() {
        return blocks.isEmpty() ? null : blocks.get(0).ruleId();
    }

    /** The size of an entitlement, or {@code orElse} when no rule granted it. */
    public double entitlement(String key, double orElse) {
        return valueOf(entitlements, key, orElse);
    }

    /** The value of an obligation, or {@code orElse} when no rule imposed it. */
    public double obligation(String kind, double orElse) {
        return valueOf(obligations, kind, orElse);
    }

    public double amount(String key, double orElse) {
        return valueOf(amounts, key, orElse);
    }

    public boolean inGroup(String group) {
        for (GroupLine g : groups) {
            if (g.group().equals(group)) {
                return true;
            }
        }
        return false;
    }

    /**
     * This answer without the payment lines {@code dropped} selects: what is paid when a scheme the rules grant goes
     * unclaimed (the simulation's take-up mechanism decides that; the rules say only what a claim would pay). An
     * exemption in {@code unclaimedExemptions} no longer counts as used, so that its caps do not count the case.
     */
    public Answer withoutPayments(java.util.function.Predicate<PaymentLine> dropped, Set<String> unclaimedExemptions) {
        List<PaymentLine> kept = payments.stream().filter(dropped.negate()).toList();
        Set<String> used = new java.util.TreeSet<>(exemptionsUsed);
        used.removeAll(unclaimedExemptions);
        if (kept.size() == payments.size() && used.size() == exemptionsUsed.size()) {
            return this;
        }
        return new Answer(blocks, entitlements, obligations, amounts, kept, groups, fired, used);
    }

    /** Net money {@code actor} receives in spell month {@code spellMonth} (negative when it pays). */
    public double netFor(Actor actor, int spellMonth) {
        double net = 0;
        for (int i = 0, n = payments.size(); i < n; i++) {
            PaymentLine p = payments.get(i);
            if (p.paidIn(spellMonth)) {
                if (p.payee() == actor) {
                    net += p.amount();
                }
                if (p.payer() == actor) {
                    net -= p.amount();
                }
            }
        }
        return net;
    }

    /**
     * Whether two answers come to the same thing: allowed or blocked alike, the same payments (type, payer, payee,
     * amount, months) and the same entitlements, obligations and amounts, whichever rules produced them.
     */
    public boolean sameOutcome(Answer other) {
        if (allowed() != other.allowed() || !byKey(entitlements).equals(byKey(other.entitlements))
                || !byKey(obligations).equals(byKey(other.obligations)) || !byKey(amounts).equals(byKey(other.amounts))
                || payments.size() != other.payments.size()) {
            return false;
        }
        java.util.List<List<Object>> mine = new java.util.ArrayList<>();
        java.util.List<List<Object>> theirs = new java.util.ArrayList<>();
        for (PaymentLine p : payments) {
            mine.add(List.of(p.type(), p.payer(), p.payee(), p.amount(), p.fromMonth(), p.toMonth()));
        }
        for (PaymentLine p : other.payments) {
            theirs.add(List.of(p.type(), p.payer(), p.payee(), p.amount(), p.fromMonth(), p.toMonth()));
        }
        java.util.Comparator<List<Object>> order = java.util.Comparator.comparing(Object::toString);
        mine.sort(order);
        theirs.sort(order);
        return mine.equals(theirs);
    }

    private static final Comparator<BlockLine> BY_BLOCK = Comparator.comparing(BlockLine::ruleId)
            .thenComparing(BlockLine::reason);
    private static final Comparator<ValueLine> BY_VALUE = Comparator.comparing(ValueLine::ruleId)
            .thenComparing(ValueLine::key).thenComparingDouble(ValueLine::value);
    private static final Comparator<PaymentLine> BY_PAYMENT = Comparator.comparing(PaymentLine::ruleId)
            .thenComparing(PaymentLine::type).thenComparing(PaymentLine::payer).thenComparing(PaymentLine::payee)
            .thenComparingInt(PaymentLine::fromMonth).thenComparingDouble(PaymentLine::amount);
    private static final Comparator<GroupLine> BY_GROUP = Comparator.comparing(GroupLine::group)
            .thenComparing(GroupLine::ruleId);

    private static <T> List<T> sorted(List<T> lines, Comparator<? super T> order) {
        if (lines.size() < 2) {
            return List.copyOf(lines);
        }
        List<T> copy = new java.util.ArrayList<>(lines);
        copy.sort(order);
        return List.copyOf(copy);
    }

    /**
     * The value of the first line with {@code key}. Answers hold a handful of lines, so a scan beats a hash map, and
     * an answer cache of hundreds of thousands of answers keeps no map per answer.
     */
    private static double valueOf(List<ValueLine> lines, String key, double orElse) {
        for (int i = 0, n = lines.size(); i < n; i++) {
            ValueLine v = lines.get(i);
            if (v.key().equals(key)) {
                return v.value();
            }
        }
        return orElse;
    }

    private static Map<String, Double> byKey(List<ValueLine> lines) {
        Map<String, Double> out = new HashMap<>();
        for (ValueLine v : lines) {
            out.putIfAbsent(v.key(), v.value());
        }
        return out;
    }

    /** @throws RuleConflictException when two lines set one key to different values */
    private static void checkConsistent(List<ValueLine> lines) {
        for (int i = 1, n = lines.size(); i < n; i++) {
            ValueLine later = lines.get(i);
            for (int j = 0; j < i; j++) {
                ValueLine earlier = lines.get(j);
                if (earlier.key().equals(later.key()) && earlier.value() != later.value()) {
                    throw new RuleConflictException("rules " + earlier.ruleId() + " and " + later.ruleId()
                            + " both set '" + later.key() + "', to " + earlier.value() + " and " + later.value());
                }
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Answer a && blocks.equals(a.blocks) && entitlements.equals(a.entitlements)
                && obligations.equals(a.obligations) && amounts.equals(a.amounts) && payments.equals(a.payments)
                && groups.equals(a.groups) && fired.equals(a.fired);
    }

    @Override
    public int hashCode() {
        return Objects.hash(blocks, entitlements, obligations, amounts, payments, groups, fired);
    }

    @Override
    public String toString() {
        return "Answer[" + (allowed() ? "allowed" : "blocked by " + blockedBy()) + ", entitlements=" + entitlements
                + ", obligations=" + obligations + ", payments=" + payments + ", fired=" + fired + "]";
    }

    /** Two rules gave one question contradictory answers. */
    public static final class RuleConflictException extends RuntimeException {
        public RuleConflictException(String message) {
            super(message);
        }
    }
}
