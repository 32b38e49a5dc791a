using System.Runtime.CompilerServices;
using System.Text;
using LexIntel.ApiService.Search;
using Microsoft.Extensions.AI;

namespace LexIntel.ApiService.Ask;

/// <summary>
/// Answers with a language model (<see cref="IChatClient"/>: an OpenAI-compatible endpoint or
/// Ollama) told to use only the numbered passages and cite each claim; references that name no
/// given passage are removed and logged.
/// </summary>
public sealed partial class ChatAnswerer(IChatClient chat, ILogger<ChatAnswerer> logger) : IAnswerer
{
    public const string Instructions = """
        You answer questions about a legal matter for a lawyer, using ONLY the numbered passages from the matter's documents that the user provides.
        Mark every statement with the number of the passage it rests on, like [1] or [2, 3]. Never cite a number that is not given.
        Do not use outside knowledge. If the passages do not contain the answer, say that the documents provided do not answer the question, and cite nothing.
        Be concise and precise; quote key words where the exact wording matters.
        """;

    /// <summary>The longest quote a reference carries from its passage.</summary>
    private const int QuoteLength = 400;

    public async Task<Answer> AnswerAsync(string question, IReadOnlyList<SearchHit> passages, IReadOnlyList<ConversationTurnText> history, CancellationToken cancellationToken)
    {
        var response = await chat.GetResponseAsync(Messages(question, passages, history), new ChatOptions { Temperature = 0 }, cancellationToken);
        return Finish(response.Text, passages);
    }

    public async IAsyncEnumerable<AnswerPart> StreamAsync(string question, IReadOnlyList<SearchHit> passages, IReadOnlyList<ConversationTurnText> history, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = new StreamingReferenceFilter(passages.Count);
        var raw = new StringBuilder();
        await foreach (var update in chat.GetStreamingResponseAsync(Messages(question, passages, history), new ChatOptions { Temperature = 0 }, cancellationToken))
        {
            raw.Append(update.Text);
            if (filter.Push(update.Text) is { Length: > 0 } delta)
            {
                yield return new AnswerPart(delta, null);
            }
        }

        if (filter.Flush() is { Length: > 0 } rest)
        {
            yield return new AnswerPart(rest, null);
        }

        yield return new AnswerPart(null, Finish(raw.ToString(), passages));
    }

    private Answer Finish(string raw, IReadOnlyList<SearchHit> passages)
    {
        var (text, cited, removed) = ReferenceIntegrity.Clean(raw.Trim(), passages.Count);
        if (removed.Count > 0)
        {
            LogRemovedReferences(string.Join(" ", removed), passages.Count);
        }

        var references = cited.Select(n => ExtractiveAnswerer.Reference(n, passages[n - 1], Quote(passages[n - 1].Text))).ToList();
        return new Answer(text, Answer.Generated, Answered: cited.Count > 0, references);
    }

    private static List<ChatMessage> Messages(string question, IReadOnlyList<SearchHit> passages, IReadOnlyList<ConversationTurnText> history)
    {
        var messages = new List<ChatMessage> { new(ChatRole.System, Instructions) };
        foreach (var turn in history)
        {
            messages.Add(new ChatMessage(ChatRole.User, turn.Question));
            messages.Add(new ChatMessage(ChatRole.Assistant, turn.Answer));
        }

        var prompt = new StringBuilder("Passages:\n\n");
        for (var i = 0; i < passages.Count; i++)
        {
            var p = passages[i];
            prompt.Append('[').Append(i + 1).Append("] ").Append(p.DocumentName).Append(", ")
                .Append(p.PageStart == p.PageEnd ? $"page {p.PageStart}" : $"pages {p.PageStart}–{p.PageEnd}").Append('\n')
                .Append(p.Text.Trim()).Append("\n\n");
        }

        prompt.Append("Question: ").Append(question);
        messages.Add(new ChatMessage(ChatRole.User, prompt.ToString()));
        return messages;
    }

    private static string Quote(string text)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= QuoteLength ? flat : string.Concat(flat.AsSpan(0, QuoteLength), "…");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Removed references to passages that were not given ({Removed}; {Passages} passages) from a generated answer")]
    private partial void LogRemovedReferences(string removed, int passages);
}
