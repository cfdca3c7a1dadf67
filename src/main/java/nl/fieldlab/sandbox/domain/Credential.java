package nl.fieldlab.sandbox.domain;

/** What a completed course gives. */
public enum Credential {
    /** A full MBO diploma (registered in Crebo). */
    DIPLOMA,
    /** An MBO certificate for part of a qualification, registered at DUO. */
    CERTIFICATE,
    /** A practice statement (praktijkverklaring) for workplace-learned skills. */
    PRACTICE_STATEMENT,
    /** A sector or private certificate. */
    SECTOR_CERTIFICATE
}
