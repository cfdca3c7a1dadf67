package nl.fieldlab.sandbox.domain;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The range a number of an input must lie in to mean something: an age, a wage, a count. Input files are read
 * against it (a value outside is an error that names the nearest valid value) and the JSON Schemas carry it as
 * {@code minimum} and {@code maximum}, so editors flag it too. On a list, a mapping or a range ({@code {min, max}})
 * it holds for every number in it.
 *
 * <p>Ranges are set wide: they refuse what cannot be meant (a negative age, a wage of 1e308), not what is unusual.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface Plausible {

    double min();

    double max();

    /** What the number counts, after the range in a message: {@code months}, {@code euro an hour}. */
    String unit() default "";

    /** Where the bound comes from (a law, a physical limit, a design choice), for readers of the type. */
    String source();

    /**
     * A message to give instead of the generic "expected MIN to MAX UNIT, got V (at most MAX)": where an existing
     * wording is kept; {@code {value}} stands for the value given.
     */
    String message() default "";
}
