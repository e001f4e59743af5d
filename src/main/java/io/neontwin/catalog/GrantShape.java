package io.neontwin.catalog;

/**
 * The privileges one grantee holds on one object.
 *
 * @param asByDefault whether they are what the object gets when it is created (EXECUTE on a function to PUBLIC):
 *                    for an object the migration creates, nothing needs writing
 */
public record GrantShape(boolean asByDefault) {
}
