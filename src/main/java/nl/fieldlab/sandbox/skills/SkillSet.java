package nl.fieldlab.sandbox.skills;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * An immutable set of skills of one taxonomy, kept as the skills' positions in it: a worker's, a job's essential
 * skills, what a course teaches.
 */
public final class SkillSet {

    private final Taxonomy taxonomy;
    private final BitSet bits;

    SkillSet(Taxonomy taxonomy, BitSet bits) {
        this.taxonomy = taxonomy;
        this.bits = (BitSet) bits.clone();
    }

    /** The empty set of {@code taxonomy}. */
    public static SkillSet none(Taxonomy taxonomy) {
        return new SkillSet(taxonomy, new BitSet());
    }

    public int size() {
        return bits.cardinality();
    }

    public boolean isEmpty() {
        return bits.isEmpty();
    }

    /** The skills of this set that {@code other} lacks. */
    public SkillSet minus(SkillSet other) {
        BitSet b = (BitSet) bits.clone();
        b.andNot(other.bits);
        return new SkillSet(taxonomy, b);
    }

    /** This set and {@code other} together. */
    public SkillSet plus(SkillSet other) {
        BitSet b = (BitSet) bits.clone();
        b.or(other.bits);
        return new SkillSet(taxonomy, b);
    }

    /** Whether every skill of {@code other} is in this set. */
    public boolean covers(SkillSet other) {
        return other.minus(this).isEmpty();
    }

    /** The skills' ids, in the taxonomy's order. */
    public List<String> ids() {
        List<String> out = new ArrayList<>();
        bits.stream().forEach(i -> out.add(taxonomy.skillAt(i).id()));
        return out;
    }

    /** The skills' labels, in the taxonomy's order. */
    public List<String> labels() {
        List<String> out = new ArrayList<>();
        bits.stream().forEach(i -> out.add(taxonomy.skillAt(i).label().strip()));
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SkillSet s && s.taxonomy == taxonomy && s.bits.equals(bits);
    }

    @Override
    public int hashCode() {
        return bits.hashCode();
    }

    @Override
    public String toString() {
        return ids().toString();
    }
}
