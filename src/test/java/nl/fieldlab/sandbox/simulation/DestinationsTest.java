package nl.fieldlab.sandbox.simulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.fieldlab.sandbox.TestRuns;
import nl.fieldlab.sandbox.scenario.EmployerGroup;
import nl.fieldlab.sandbox.scenario.ScenarioLoader;

/** Where a job is: the categories follow from the scenario's employer groups, and wage bands have fixed edges. */
class DestinationsTest {

    static final List<EmployerGroup> SMOKE = TestRuns.scenario("scenarios/smoke.yaml").employers();

    @Test
    void theBandEdgesBelongToTheBandAbove() {
        assertEquals("belowMin", Destinations.band(0.999));
        assertEquals("min-125", Destinations.band(1.0));
        assertEquals("min-125", Destinations.band(1.2499));
        assertEquals("125-150", Destinations.band(1.25));
        assertEquals("150-200", Destinations.band(1.99));
        assertEquals("200plus", Destinations.band(2.0));
    }

    @Test
    void smokesLayoutNamesItsGroupsFieldsAndBands() {
        Destinations d = Destinations.of(SMOKE);
        assertEquals(List.of("employer.installation", "employer.retail", "field.electrical", "field.retail",
                "technical", "nonTechnical", "wage.belowMin", "wage.min-125", "wage.125-150", "wage.150-200",
                "wage.200plus"), d.keys());
        // the retail group, not technical, at 1.1 times the minimum wage
        assertArrayEquals(new int[] {1, 3, 5, 7}, d.categories(1, false, 1.1));
        assertArrayEquals(new int[] {0, 2, 4, 10}, d.categories(0, true, 2.5));
    }

    @Test
    void beyondEightGroupsAndFieldsTheRestIsOther(@TempDir Path tmp) throws IOException {
        // smoke plus eight groups in fields of their own: ten groups, ten fields (the constructor is left alone, so
        // that a field added to employer groups does not break this test)
        StringBuilder extra = new StringBuilder("employers:\n");
        for (int i = 0; i < 8; i++) {
            extra.append("  - {group: g").append(i).append(", count: 1, sector: retail, field: f").append(i)
                    .append(", staff: 5, vacancyRate: 0.1, requiredEducation: MBO1, hourlyWage: 15.0, "
                            + "hoursPerWeek: 32}\n");
        }
        Path file = Files.writeString(tmp.resolve("ten.yaml"), Files.readString(Path.of("scenarios/smoke.yaml"))
                .replace("employers:\n", extra.toString()));
        List<EmployerGroup> ten = ScenarioLoader.load(file).employers();
        assertEquals(10, ten.size());
        Destinations d = Destinations.of(ten);
        assertEquals(9 + 9 + 2 + 5, d.keys().size());
        assertEquals("employer.other", d.keys().get(8));
        assertEquals("field.other", d.keys().get(17));
        // the last two groups (smoke's installation and retail) fall in other
        assertEquals(8, d.categories(9, true, 1)[0]);
        assertEquals(17, d.categories(9, true, 1)[1]);
        // near miss: the eighth group and its field are still named
        assertEquals("employer.g7", d.keys().get(d.categories(7, true, 1)[0]));
        assertEquals("field.f7", d.keys().get(d.categories(7, true, 1)[1]));
    }
}
