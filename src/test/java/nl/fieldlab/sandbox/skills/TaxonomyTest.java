package nl.fieldlab.sandbox.skills;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import nl.fieldlab.sandbox.input.InputError;
import nl.fieldlab.sandbox.input.YamlFile;

/** The shipped ESCO subset loads whole and its entries are copies of ESCO's (URIs in ESCO's namespace). */
class TaxonomyTest {

    private static final String ID = "esco-1.2.0-technical";

    @Test
    void theShippedSubsetHasItsNineOccupationsAndEveryEssentialSkillResolves() {
        Taxonomy t = Taxonomy.shipped(ID);
        assertEquals(ID, t.id());
        assertEquals("1.2.0", t.version());
        assertEquals(9, t.occupations().size());
        for (Taxonomy.Occupation o : t.occupations().values()) {
            assertTrue(o.uri().startsWith(Taxonomy.ESCO_PREFIX + "occupation/"), o.uri());
            assertTrue(o.essential().size() >= 10, o.id() + " has " + o.essential().size());
            o.essential().ids().forEach(s -> assertTrue(t.skills().containsKey(s), s));
        }
        for (Taxonomy.Skill s : t.skills().values()) {
            assertTrue(s.uri() == null || s.uri().startsWith(Taxonomy.ESCO_PREFIX + "skill/"), s.uri());
        }
        // the design note's electromechanical technician, as ESCO 1.2.0's occupations_en.csv has it
        assertEquals("http://data.europa.eu/esco/occupation/51c7015c-dc81-4fcb-b15f-619a4656a9fe",
                t.occupations().get("electromechanical-engineering-technician").uri());
        assertEquals(21, t.occupations().get("electrician").essential().size());
    }

    @Test
    void anEssentialSkillThatIsNotListedNamesItsLine() {
        String text = YamlFile.resourceText(Taxonomy.class, ID + ".yaml")
                .replaceFirst("essential: \\[electricity, ", "essential: [foo, ");
        InputError e = assertThrows(InputError.class, () -> Taxonomy.parse(Path.of(ID + ".yaml"), text));
        int line = text.lines().toList().indexOf(text.lines().filter(l -> l.contains("[foo, ")).findFirst()
                .orElseThrow()) + 1;
        assertEquals(ID + ".yaml:" + line + ": occupations[0].essential[0]: 'foo' is not a listed skill",
                e.getMessage());
    }

    @Test
    void aListedSkillIsAccepted() {
        String text = YamlFile.resourceText(Taxonomy.class, ID + ".yaml");
        assertEquals(9, Taxonomy.parse(Path.of(ID + ".yaml"), text).occupations().size());
    }
}
