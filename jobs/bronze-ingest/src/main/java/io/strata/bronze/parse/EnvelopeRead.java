package io.strata.bronze.parse;

/** The outcome of reading one envelope: its fields, or why it was refused. */
sealed interface EnvelopeRead permits Envelope, Refusal {}
