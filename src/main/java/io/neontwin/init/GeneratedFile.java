package io.neontwin.init;

/** A workflow the generator wrote: its path in the repository and its whole text. */
public record GeneratedFile(String path, String content) {
}
