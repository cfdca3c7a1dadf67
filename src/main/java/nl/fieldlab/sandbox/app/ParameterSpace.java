package nl.fieldlab.sandbox.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.fieldlab.sandbox.scenario.Behaviour;
import nl.fieldlab.sandbox.scenario.RobustnessSpec;
import nl.fieldlab.sandbox.scenario.Scenario;
import nl.fieldlab.sandbox.scenario.UncertainRange;
import nl.fieldlab.sandbox.simulation.Rng;

/**
 * The behaviour values a robustness run draws for a scenario, and the scenario of each draw. Drawn are the values
 * with a declared range, minus those the scenario sets under {@code behaviour:} (held at the scenario's value), plus
 * those the scenario's block gives a range, optionally cut to the block's {@code values}.
 *
 * @param drawn the values drawn, in name order
 * @param held  ranged values the scenario sets and does not give a range: not drawn, held at the scenario's value
 */
public record ParameterSpace(List<Drawn> drawn, List<String> held) {

    /** The mechanisms that act only in a scenario with a skills taxonomy. */
    static final Set<String> SKILLS_MECHANISMS = Set.of("skill-distance", "hiring-signal");

    /** One drawn value: its value in the scenario, the range it is drawn from, and whose range that is. */
    public record Drawn(String name, double inUse, UncertainRange range, boolean scenarioRange) {
    }

    /** The values {@code spec} draws for {@code s}; fails as bad input for a name that cannot be drawn. */
    public static ParameterSpace of(Scenario s, RobustnessSpec spec) {
        Map<String, Double> set = s.behaviour().overrides();
        List<Drawn> drawn = new ArrayList<>();
        List<String> held = new ArrayList<>();
        if (spec.values() != null) {
            for (String name : spec.values()) {
                String problem = RobustnessSpec.valueProblem(name, spec.ranges());
                if (problem != null) {
                    throw new CommandFailure(ExitCodes.BAD_INPUT, problem);
                }
            }
        }
        Behaviour.documented().forEach((name, d) -> {
            boolean own = spec.ranges().containsKey(name);
            boolean listed = spec.values() == null || spec.values().contains(name);
            if (!listed || (!d.ranged() && !own)) {
                return;
            }
            // a skills value acts only where the scenario has a skills taxonomy: elsewhere drawing it would only move
            // the other values' draws (unless the block names it or gives it a range)
            if (!s.skills().active() && !own && spec.values() == null && SKILLS_MECHANISMS.contains(d.mechanism())) {
                return;
            }
            if (set.containsKey(name) && !own) {
                held.add(name);
                return;
            }
            double inUse = s.behaviour().get(name);
            UncertainRange range;
            try {
                range = own ? spec.range(name, inUse) : d.range();
            } catch (UncertainRange.Invalid e) {
                throw new CommandFailure(ExitCodes.BAD_INPUT, "robustness.ranges." + name + e.problem().field() + ": "
                        + e.problem().message());
            }
            drawn.add(new Drawn(name, inUse, range, own));
        });
        if (drawn.isEmpty()) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, "robustness: no behaviour value to draw (every value named "
                    + "is held at the scenario's value; give it a range under robustness.ranges)");
        }
        return new ParameterSpace(List.copyOf(drawn), List.copyOf(held));
    }

    /** The behaviour values of design row {@code u} (one entry in (0, 1) per drawn value). */
    public Map<String, Double> values(double[] u) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int j = 0; j < drawn.size(); j++) {
            out.put(drawn.get(j).name(), drawn.get(j).range().at(u[j]));
        }
        return out;
    }

    /**
     * The scenario of draw {@code k}: its own master seed (shared by every variant of the draw, so that its
     * differences are paired as in a normal run), {@code replications} replications, and the drawn values on top of
     * the scenario's own behaviour; without a robustness block of its own.
     */
    public static Scenario drawScenario(Scenario s, int k, int replications, Map<String, Double> values) {
        Map<String, Double> b = new LinkedHashMap<>(s.behaviour().overrides());
        b.putAll(values);
        return s.with(Rng.derive(s.seed(), Rng.Purpose.ROBUSTNESS_DRAW, k), replications, Behaviour.with(b),
                s.variants()).withRobustness(null);
    }
}
