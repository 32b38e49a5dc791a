using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;

namespace LexIntel.ApiService.Search.Reranking;

/// <summary>
/// Re-ranks with the configured chat model, listwise: the query and the numbered passages in one
/// request, the model answers with the numbers in order. Numbers it repeats, invents or leaves out
/// cannot drop or add a passage: the ones it names come first, the rest keep their order.
/// </summary>
public sealed partial class ChatReranker(IChatClient chat) : ISearchReranker
{
    public const string Instructions = """
        You rank passages from a legal matter's documents by how well each answers or matches a lawyer's search.
        Judge only by the passages' text. Reply with the passage numbers only, most relevant first, separated by commas, every number once, for example: 3, 1, 2
        """;

    /// <summary>
    /// Each passage's first characters go to the model: enough to judge what it is about, and the
    /// prompt (so the cost per query) stays bounded whatever the chunk size.
    /// </summary>
    private const int PassageCharacters = 1200;

    public async Task<RerankedOrder> RerankAsync(string query, IReadOnlyList<string> passages, CancellationToken cancellationToken)
    {
        var prompt = new StringBuilder("Search: ").Append(query).Append("\n\nPassages:\n\n");
        for (var i = 0; i < passages.Count; i++)
        {
            var text = passages[i].Trim();
            prompt.Append('[').Append(i + 1).Append("] ").Append(text.Length > PassageCharacters ? text[..PassageCharacters] + "…" : text).Append("\n\n");
        }

        var response = await chat.GetResponseAsync(
            [new ChatMessage(ChatRole.System, Instructions), new ChatMessage(ChatRole.User, prompt.ToString())],
            new ChatOptions { Temperature = 0 },
            cancellationToken);
        return new RerankedOrder(OrderFrom(response.Text, passages.Count), response.Usage?.InputTokenCount, response.Usage?.OutputTokenCount);
    }

    /// <summary>The 0-based order a reply gives for <paramref name="count"/> passages numbered from 1.</summary>
    internal static List<int> OrderFrom(string reply, int count)
    {
        var order = new List<int>(count);
        var named = new HashSet<int>();
        foreach (Match number in PassageNumber().Matches(reply))
        {
            if (int.TryParse(number.ValueSpan, out var n) && n >= 1 && n <= count && named.Add(n - 1))
            {
                order.Add(n - 1);
            }
        }

        if (order.Count == 0)
        {
            throw new InvalidOperationException($"The model's reply names none of the {count} passages: \"{(reply.Length > 200 ? reply[..200] + "…" : reply)}\".");
        }

        order.AddRange(Enumerable.Range(0, count).Where(i => !named.Contains(i)));
        return order;
    }

    [GeneratedRegex(@"\d{1,4}")]
    private static partial Regex PassageNumber();
}
