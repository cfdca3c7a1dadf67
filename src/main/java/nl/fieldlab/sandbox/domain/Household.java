package nl.fieldlab.sandbox.domain;

/** Household type, which sets bijstand norms and earnings exemptions. */
public enum Household {
    SINGLE, COUPLE, SINGLE_PARENT
}
