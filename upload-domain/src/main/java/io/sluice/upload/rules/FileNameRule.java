package io.sluice.upload.rules;

import io.sluice.upload.RuleCode;
import io.sluice.upload.Violation;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Rule: "unsafe file name (path separators, {@code ..}, control or bidirectional-format characters,
 * blank, ending in a dot or space, a Windows device name, over 255 bytes) → 400
 * {@code invalid_file_name}".
 *
 * <p>The name is metadata only (never part of an object key), but clients save files under it and
 * show it to people, so it must be one plain name that reads as what it is on every system:
 * <ul>
 *   <li>1 to 255 bytes in UTF-8, valid Unicode (no lone surrogate, no noncharacter);</li>
 *   <li>no {@code /} or {@code \}, no {@code ..};</li>
 *   <li>nothing invisible: no control character, no format character (the bidirectional overrides
 *       and isolates such as U+202E, zero-width spaces and joiners, U+FEFF), no line or paragraph
 *       separator, none of the blank letters (U+115F, U+1160, U+3164, U+FFA0);</li>
 *   <li>not blank (only spaces), and not ending in a dot or a space, which Windows drops;</li>
 *   <li>not a Windows device name ({@code CON}, {@code PRN}, {@code AUX}, {@code NUL},
 *       {@code COM0}–{@code COM9}, {@code LPT0}–{@code LPT9}, also with superscript digits), in any
 *       case, alone or before an extension ({@code con.txt}).</li>
 * </ul>
 */
public final class FileNameRule {

    public static final int MAX_BYTES = 255;

    private static final Set<Integer> BLANK_LETTERS = Set.of(0x115F, 0x1160, 0x3164, 0xFFA0);
    private static final Set<String> DEVICE_NAMES = Set.of("CON", "PRN", "AUX", "NUL");

    private FileNameRule() {}

    public static Optional<Violation> check(String fileName) {
        if (fileName == null || fileName.isEmpty()) return refuse("fileName must not be empty");
        // Every character is at least one byte: a longer string is refused before it is looked at.
        if (fileName.length() > MAX_BYTES || fileName.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return refuse("fileName must be at most " + MAX_BYTES + " bytes in UTF-8");
        }
        if (fileName.indexOf('/') >= 0 || fileName.indexOf('\\') >= 0) return refuse("fileName must not contain '/' or '\\'");
        if (fileName.contains("..")) return refuse("fileName must not contain '..'");
        int[] codePoints = fileName.codePoints().toArray();
        for (int codePoint : codePoints) {
            if (isInvisible(codePoint)) {
                return refuse(String.format(Locale.ROOT,
                        "fileName must not contain control, format or other invisible characters (U+%04X)", codePoint));
            }
            if (isNotText(codePoint)) return refuse("fileName must be valid Unicode text");
        }
        if (Arrays.stream(codePoints).allMatch(FileNameRule::isSpace)) return refuse("fileName must not be blank");
        int last = codePoints[codePoints.length - 1];
        if (last == '.' || isSpace(last)) return refuse("fileName must not end in a dot or a space");
        if (isDeviceName(fileName)) return refuse("fileName must not be a Windows device name");
        return Optional.empty();
    }

    private static boolean isInvisible(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> true;
            default -> BLANK_LETTERS.contains(codePoint);
        };
    }

    /** A lone surrogate or a noncharacter (U+FDD0–U+FDEF, and the last two code points of every plane). */
    private static boolean isNotText(int codePoint) {
        return Character.getType(codePoint) == Character.SURROGATE
                || (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
    }

    private static boolean isSpace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }

    /** The part before the first dot, without trailing spaces, is a device name. */
    private static boolean isDeviceName(String fileName) {
        int dot = fileName.indexOf('.');
        String stem = (dot < 0 ? fileName : fileName.substring(0, dot)).stripTrailing().toUpperCase(Locale.ROOT);
        if (DEVICE_NAMES.contains(stem)) return true;
        if (stem.length() != 4 || !(stem.startsWith("COM") || stem.startsWith("LPT"))) return false;
        char digit = stem.charAt(3);
        return (digit >= '0' && digit <= '9') || digit == '\u00B9' || digit == '\u00B2' || digit == '\u00B3';
    }

    private static Optional<Violation> refuse(String detail) {
        return Optional.of(Violation.of(RuleCode.INVALID_FILE_NAME, detail).with("field", "fileName"));
    }
}
