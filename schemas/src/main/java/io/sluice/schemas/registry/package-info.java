/** A client of the Confluent Schema Registry REST API, which Apicurio's ccompat API also speaks. */
package io.sluice.schemas.registry;
