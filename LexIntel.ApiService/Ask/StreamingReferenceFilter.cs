using System.Text;

namespace LexIntel.ApiService.Ask;

/// <summary>
/// <see cref="ReferenceIntegrity"/> for text that arrives in pieces: a "[" is held back until it
/// is known to be a reference (then cleaned) or not (then passed on), so an invalid reference split
/// across pieces never reaches the client.
/// </summary>
public sealed class StreamingReferenceFilter(int passages)
{
    private readonly StringBuilder pending = new();

    public string Push(string delta)
    {
        var output = new StringBuilder();
        foreach (var c in delta)
        {
            if (pending.Length == 0)
            {
                if (c == '[')
                {
                    pending.Append(c);
                }
                else
                {
                    output.Append(c);
                }

                continue;
            }

            pending.Append(c);
            var held = pending.ToString();
            if (ReferenceIntegrity.IsReference(held))
            {
                output.Append(ReferenceIntegrity.CleanBracket(held, passages));
                pending.Clear();
            }
            else if (!ReferenceIntegrity.IsReferencePrefix(held))
            {
                pending.Clear();
                output.Append(held[..^1]);
                if (c == '[')
                {
                    pending.Append(c);
                }
                else
                {
                    output.Append(c);
                }
            }
        }

        return output.ToString();
    }

    /// <summary>Whatever is still held when the text ends (an unclosed "[", not a reference).</summary>
    public string Flush()
    {
        var rest = pending.ToString();
        pending.Clear();
        return rest;
    }
}
