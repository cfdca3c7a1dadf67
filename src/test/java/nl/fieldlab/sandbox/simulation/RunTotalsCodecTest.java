package nl.fieldlab.sandbox.simulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import nl.fieldlab.sandbox.TestRuns;
import nl.fieldlab.sandbox.scenario.Scenario;

/**
 * Totals cross the network as {@link RunTotalsCodec} writes them: they come back with every field as it was (compared
 * field by field through reflection, so a field added to {@link RunTotals} and not to the codec fails here), and bytes
 * that do not fit the run are refused with the field named.
 */
class RunTotalsCodecTest {

    static Scenario smoke;
    static RunTotals[][] totals;
    static RunTotalsCodec.Shape shape;

    @BeforeAll
    static void runSmoke() {
        smoke = TestRuns.scenario("scenarios/smoke.yaml");
        Simulator.Plan plan = new Simulator.Plan(smoke, Simulator.deciders(smoke, TestRuns.compile(smoke)));
        totals = new RunTotals[smoke.variants().size()][smoke.replications()];
        for (int v = 0; v < totals.length; v++) {
            for (int r = 0; r < totals[v].length; r++) {
                totals[v][r] = plan.run(v, r, () -> false, () -> {
                });
            }
        }
        Simulator.collect(smoke, totals, Map.of()); // fills the deadweight shares, so every map holds entries
        totals[0][1].blocked("WW-EXAMPLE-BLOCK"); // smoke's workers are never blocked: one count, so that map is written
        // smoke has no process support: one, so that its participants and cost are written
        totals[0][1].supportParticipants.put("P1", 3);
        totals[0][1].supportCost.put("P1", 3600.0);
        totals[0][1].countSupport("P4", "carvedHires", 7); // and one count of an instrument's own mechanism
        shape = RunTotalsCodec.Shape.of(smoke);
    }

    @Test
    void everyFieldComesBackAsItWas() throws IOException {
        boolean reach = false;
        boolean changed = false;
        boolean blocked = false;
        boolean paid = false;
        boolean deadweight = false;
        boolean takeUp = false;
        boolean supports = false;
        for (RunTotals[] byVariant : totals) {
            for (RunTotals t : byVariant) {
                byte[] bytes = RunTotalsCodec.encode(t);
                RunTotals back = RunTotalsCodec.decode(bytes, shape);
                assertEquals(List.of(), differences("totals", t, back));
                assertArrayEquals(bytes, RunTotalsCodec.encode(back));
                reach |= !t.reach.isEmpty();
                changed |= !t.changedAnswers.isEmpty();
                blocked |= !t.blocked.isEmpty();
                deadweight |= !t.deadweight.isEmpty();
                paid |= !t.exemptionPaid.isEmpty();
                takeUp |= t.takeUp.schemes().values().stream().anyMatch(x -> x.entitled > 0 && x.unclaimed > 0);
                supports |= !t.supportParticipants.isEmpty();
            }
        }
        assertTrue(takeUp && supports, "take-up tallies and supports are written: " + takeUp + ", " + supports);
        assertTrue(java.util.Arrays.stream(totals).flatMap(java.util.Arrays::stream)
                .anyMatch(t -> t.income[5] > 0 && t.destinations.values().stream().anyMatch(c -> c[1] > 0)),
                "the smoke runs place someone, so destinations and incomes are written");
        assertTrue(reach && changed && blocked && paid && deadweight, "the smoke runs fill every map the codec writes: "
                + List.of(reach, changed, blocked, paid, deadweight));
    }

    @Test
    void bytesThatDoNotFitTheRunAreRefused() {
        byte[] good = RunTotalsCodec.encode(totals[1][0]);
        assertRefused(Arrays.copyOf(good, good.length - 3), "end: the totals stop short");
        assertRefused(Arrays.copyOf(good, good.length + 1), "end: 1 bytes after the totals");
        byte[] months = good.clone();
        ByteBuffer.wrap(months).putInt(4, 7);
        assertRefused(months, "shape: 7 months");
        byte[] layout = good.clone();
        ByteBuffer.wrap(layout).putInt(0, 99);
        assertRefused(layout, "layout");
        // a count far beyond the bytes left is refused before anything is allocated for it
        byte[] groups = good.clone();
        ByteBuffer.wrap(groups).putInt(12, Integer.MAX_VALUE);
        assertRefused(groups, "groups: 2147483647 entries cannot fit");
        RunTotalsCodec.Shape other = new RunTotalsCodec.Shape(shape.months(), shape.workers() + 1, shape.groups());
        IOException e = assertThrows(IOException.class, () -> RunTotalsCodec.decode(good, other));
        assertTrue(e.getMessage().contains("shape"), e.getMessage());
    }

    @Test
    void takeUpCountsThatDoNotAddUpAreRefused() {
        RunTotals t = new RunTotals(smoke.months(), smoke.workers().stream().map(g -> g.group()).toList(),
                smoke.workerCount(), List.of());
        t.takeUp.restore("lkv", 10, 2, 7, 0, 500, 2000);
        assertRefused(RunTotalsCodec.encode(t), "takeUp.lkv: the claimed, unaware and not-worth-it cases do not add up");
    }

    private static void assertRefused(byte[] bytes, String message) {
        IOException e = assertThrows(IOException.class, () -> RunTotalsCodec.decode(bytes, shape));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }

    /** Where {@code a} and {@code b} differ, field by field, down to values of the JDK (compared by equals). */
    static List<String> differences(String path, Object a, Object b) {
        List<String> out = new ArrayList<>();
        if (a == null || b == null || a.getClass() != b.getClass()) {
            if (a != b) {
                out.add(path + ": " + a + " / " + b);
            }
        } else if (a.getClass().isArray()) {
            int n = Array.getLength(a);
            if (n != Array.getLength(b)) {
                out.add(path + ": length " + n + " / " + Array.getLength(b));
            }
            for (int i = 0; i < Math.min(n, Array.getLength(b)); i++) {
                out.addAll(differences(path + "[" + i + "]", Array.get(a, i), Array.get(b, i)));
            }
        } else if (a instanceof Map<?, ?> m) {
            // in iteration order: the report reads the maps in that order
            out.addAll(differences(path + ".keys", List.copyOf(m.keySet()), List.copyOf(((Map<?, ?>) b).keySet())));
            out.addAll(differences(path + ".values", new ArrayList<>(m.values()), new ArrayList<>(((Map<?, ?>) b).values())));
        } else if (a instanceof List<?> l) {
            out.addAll(differences(path, l.toArray(), ((List<?>) b).toArray()));
        } else if (a.getClass().getName().startsWith("java.") || a instanceof Enum<?>) {
            if (!a.equals(b)) {
                out.add(path + ": " + a + " / " + b);
            }
        } else {
            for (Class<?> c = a.getClass(); c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers())) {
                        continue;
                    }
                    f.setAccessible(true);
                    try {
                        out.addAll(differences(path + "." + f.getName(), f.get(a), f.get(b)));
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return out;
    }
}
