namespace LexIntel.Shared.Citations;

/// <summary>
/// A pin cite as written, but for its spacing and dashes: <c>152-53</c>, <c>152, 153, 155</c>,
/// <c>¶¶ 20-24</c>, <c>*3</c>, <c>45:3-9</c>, <c>153 n.4</c>, <c>565-566, n. 3</c>.
/// </summary>
internal static class PinCite
{
    public static string Normalize(string pin) =>
        CitationPatterns.Dash().Replace(CitationPatterns.Whitespace().Replace(pin, " "), "-");
}
