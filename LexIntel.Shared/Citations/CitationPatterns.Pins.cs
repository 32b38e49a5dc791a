using System.Text.RegularExpressions;

namespace LexIntel.Shared.Citations;

/// <summary>
/// Pin cites, as briefs and opinions write them: pages and ranges (<c>152</c>, <c>401-02</c>),
/// paragraphs (<c>¶¶ 20-24</c>), Westlaw star pages (<c>*3</c>), page and line (<c>45:3-9</c>),
/// notes (<c>153 n.4</c>, <c>n. 4</c>), several of them joined by commas.
/// </summary>
internal static partial class CitationPatterns
{
    // "p." or "pp." between "at" and the pages: "at pp. 210, 215".
    private const string PagesMark = @"(?:pp?\.\s{0,2})?";

    private const string PinNote = @"nn?\.\s{0,2}\d{1,3}(?:\s{0,2}[-–—&]\s{0,2}\d{1,3})?";

    private const string PinPlace = @"(?:¶¶?\s{0,2}|\*{1,2})?\d{1,5}(?::\d{1,3})?";

    // One pin: a place or a range of places, perhaps with a note on it ("152 n.4", "152, n. 4", "152 & n.4"); or a note alone.
    private const string PinElement = @"(?>" + PinPlace + @"(?:\s{0,2}[-–—]\s{0,2}" + PinPlace + @")?(?:\s{0,2}[,&]?\s{0,2}" + PinNote + @")?|" + PinNote + @")";

    // What a pin may not run into: more of a number, or a word or number after it, as in "152, 93 S. Ct. 705",
    // where 93 is the volume of a parallel citation, not a page.
    private const string PinGuard = @"(?![\w\-–—:*¶]|[.,]\d|\s{0,3}[A-Z]|\s{1,3}\d)";

    /// <summary>
    /// One pin or several joined by commas, each one guarded so the list stops before what is no pin
    /// (giving back the comma before it). Written with the element once: the patterns that hold it run
    /// over all the text, and a larger generated matcher is a slower one.
    /// </summary>
    private const string Pin = @"(?:" + PinElement + PinGuard + @"(?:\s{0,3},\s{0,3}(?=[\d¶*n]))?){1,10}(?<![\s,])";

    /// <summary>What may follow a page: a pin cite, <c>, 120</c>, <c>, at *3</c>, <c>, ¶ 12</c>, <c>, 152, 155</c>, <c>, n. 5</c>.</summary>
    [GeneratedRegex(@"\G,\s{0,3}(?:at\s{1,3})?" + PagesMark + @"(?<pin>" + Pin + @")", RegexOptions.CultureInvariant, Timeout)]
    public static partial Regex PinAfter();
}
