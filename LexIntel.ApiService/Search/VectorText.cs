using System.Globalization;
using System.Text;

namespace LexIntel.ApiService.Search;

/// <summary>pgvector's text form of a vector, <c>[0.1,0.2,…]</c>: a query parameter cast with <c>::vector</c>, or a COPY field.</summary>
public static class VectorText
{
    public static string Format(ReadOnlySpan<float> vector)
    {
        var text = new StringBuilder(vector.Length * 12).Append('[');
        for (var i = 0; i < vector.Length; i++)
        {
            text.Append(i == 0 ? string.Empty : ",").Append(vector[i].ToString("R", CultureInfo.InvariantCulture));
        }

        return text.Append(']').ToString();
    }
}
