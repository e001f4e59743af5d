package io.neontwin.init;

/** A repository secret the generated workflows read: its exact name and what to put in it. */
public record SecretToCreate(String name, String help) {
}
