package io.neontwin.twin;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * The secret the keyed transformers use: HMAC-SHA256 under it makes the same input give the same output in every
 * table and every run, and no output can be turned back into its input without it. Never printed: its toString hides it.
 */
public final class MaskingKey {
    private static final String ALGORITHM = "HmacSHA256";
    private final SecretKeySpec key;

    private MaskingKey(byte[] bytes) {
        this.key = new SecretKeySpec(bytes, ALGORITHM);
    }

    /** The key from its text (an action input or NEON_TWIN_MASKING_KEY), or null when the text is empty. */
    public static MaskingKey of(String text) {
        return text == null || text.isBlank() ? null : new MaskingKey(text.strip().getBytes(StandardCharsets.UTF_8));
    }

    byte[] hmac(String value) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return "MaskingKey[***]";
    }
}
