using System.Globalization;
using System.Text;

namespace LexIntel.WorkerService.Extraction;

/// <summary>
/// Makes whatever a parser (or OCR) returns storable and searchable: PostgreSQL text cannot hold
/// NUL, and other control characters, unpaired surrogates (which no encoder accepts) and the
/// several Unicode spellings of one letter (<c>é</c> as one code point or as <c>e</c> plus an
/// accent) would reach the index as noise. Applied to every page of every format.
/// </summary>
public static class TextNormalization
{
    /// <summary>
    /// Line breaks stay; vertical tab (Word's manual line break), next line and the Unicode line
    /// and paragraph separators become <c>\n</c>; every other control character and the
    /// noncharacters U+FFFE/U+FFFF are dropped; an unpaired surrogate becomes U+FFFD; the result is
    /// in Normalization Form C.
    /// </summary>
    public static string Normalize(string text)
    {
        if (IsClean(text))
        {
            return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        }

        var cleaned = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                cleaned.Append(c).Append(text[++i]);
            }
            else if (char.IsSurrogate(c))
            {
                cleaned.Append('\uFFFD');
            }
            else if (c is '\v' or '\u0085' or '\u2028' or '\u2029')
            {
                cleaned.Append('\n');
            }
            else if (!IsDropped(c))
            {
                cleaned.Append(c);
            }
        }

        return cleaned.ToString().Normalize(NormalizationForm.FormC);
    }

    private static bool IsClean(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c) || c is '\v' or '\u0085' or '\u2028' or '\u2029' || IsDropped(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Tab, line feed, carriage return and form feed (a page break) are the control characters text keeps.</summary>
    private static bool IsDropped(char c) =>
        (char.GetUnicodeCategory(c) == UnicodeCategory.Control && c is not ('\t' or '\n' or '\r' or '\f')) || c is '\uFFFE' or '\uFFFF';
}
