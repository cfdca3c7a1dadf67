package nl.fieldlab.sandbox.rules;

import java.util.List;

import nl.fieldlab.sandbox.domain.Actor;
import nl.fieldlab.sandbox.domain.PaymentType;

/**
 * The rules' answer to one question, every line attributed to the rule that produced it. Lines are sorted, so an
 * answer is the same however the engine happened to fire.
 *
 * @param blocks       rules that block the action (empty: allowed)
 * @param entitlements granted rights with a size, such as {@code trial.max-months}
 * @param obligations  duties, such as {@code search-duty}
 * @param amounts      derived quantities, such as {@code minimum-wage.hourly}
 * @param payments     money flows as a schedule over the spell's months
 * @param groups       target groups the worker was classified into
 * @param fired        ids of every rule that fired, in order of id
 */
public record Answer(
        List<BlockLine> blocks,
        List<ValueLine> entitlements,
        List<ValueLine> obligations,
        List<ValueLine> amounts,
        List<PaymentLine> payments,
        List<GroupLine> groups,
        List<String> fired) {

    public record BlockLine(String ruleId, String reason) {
    }

    public record ValueLine(String ruleId, String key, double value) {
    }

    public record GroupLine(String ruleId, String group) {
    }

    public record PaymentLine(String ruleId, PaymentType type, Actor payer, Actor payee, double amount, int fromMonth,
            int toMonth, String note) {

        public boolean paidIn(int spellMonth) {
            return spellMonth >= fromMonth && spellMonth <= toMonth;
        }
    }

    public Answer {
        blocks = List.copyOf(blocks);
        entitlements = List.copyOf(entitlements);
        obligations = List.copyOf(obligations);
        amounts = List.copyOf(amounts);
        payments = List.copyOf(payments);
        groups = List.copyOf(groups);
        fired = List.copyOf(fired);
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
        return single(entitlements, key, orElse);
    }

    /** The value of an obligation, or {@code orElse} when no rule imposed it. */
    public double obligation(String kind, double orElse) {
        return single(obligations, kind, orElse);
    }

    public double amount(String key, double orElse) {
        return single(amounts, key, orElse);
    }

    public boolean inGroup(String group) {
        for (GroupLine g : groups) {
            if (g.group().equals(group)) {
                return true;
            }
        }
        return false;
    }

    /** Net money {@code actor} receives in spell month {@code spellMonth} (negative when it pays). */
    public double netFor(Actor actor, int spellMonth) {
        double net = 0;
        for (PaymentLine p : payments) {
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

    private static double single(List<ValueLine> lines, String key, double orElse) {
        ValueLine found = null;
        for (ValueLine v : lines) {
            if (v.key().equals(key)) {
                if (found != null && found.value() != v.value()) {
                    throw new RuleConflictException("rules " + found.ruleId() + " and " + v.ruleId() + " both set '"
                            + key + "', to " + found.value() + " and " + v.value());
                }
                found = v;
            }
        }
        return found == null ? orElse : found.value();
    }

    /** Two rules gave one question contradictory answers. */
    public static final class RuleConflictException extends RuntimeException {
        public RuleConflictException(String message) {
            super(message);
        }
    }
}
