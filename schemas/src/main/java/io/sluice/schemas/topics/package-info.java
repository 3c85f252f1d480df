/** The typed catalogue of Sluice's Kafka topics. */
package io.sluice.schemas.topics;
