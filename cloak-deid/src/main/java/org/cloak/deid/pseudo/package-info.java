/**
 * Pseudonymization: the project secret and its vault, deterministic UIDs, and the per-patient
 * plan (new PatientID and PatientName, date offset, time point) the engine applies.
 *
 * <pre>{@code
 * Secret secret = SecretStore.loadOrCreate(SecretStore.defaultVault());
 * PseudonymPlanner.Builder b = PseudonymPlanner.builder(recipe.patientId(), recipe.dates(), secret);
 * inputs.forEach(f -> b.observe(f.header(), f.origin()));   // when b.needsDiscovery()
 * PatientPlan plan = b.build().planFor(header, origin);
 * }</pre>
 */
package org.cloak.deid.pseudo;
