package nl.fieldlab.sandbox.domain;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text of an input that may span lines (a description, a source, a note). Every other text is a name: one line.
 * Neither may hold control characters (terminal escapes, carriage returns, text-direction overrides); free text may
 * hold line breaks and tabs.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface FreeText {
}
