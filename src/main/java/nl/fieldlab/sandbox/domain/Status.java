package nl.fieldlab.sandbox.domain;

/** A worker's labour-market status: the benefit they live on, or work. */
public enum Status {
    /** In work (in the scenario: employed in a declining occupation, at risk of losing the job). */
    EMPLOYED,
    /** On unemployment insurance (WW, Werkloosheidswet), paid by UWV. */
    WW,
    /** On social assistance (bijstand, Participatiewet), paid by the municipality. */
    BIJSTAND,
    /** On a disability benefit for young disabled people (Wajong), paid by UWV. */
    WAJONG,
    /** Not working and on no benefit (niet-uitkeringsgerechtigd). */
    NONE
}
