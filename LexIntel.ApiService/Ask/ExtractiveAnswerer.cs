using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using LexIntel.ApiService.Search;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace LexIntel.ApiService.Ask;

/// <summary>
/// The answerer when no language model is configured: quotes the passages' sentences closest in
/// meaning to the question (embedding similarity), each cited, and says so; it writes nothing of
/// its own, so it cannot claim what the documents do not say.
/// </summary>
public sealed class ExtractiveAnswerer(IEmbeddingGenerator<string, Embedding<float>> generator, QueryEmbedder queries, IOptions<AskOptions> options) : IAnswerer
{
    public const string Preamble = "Extractive answer (the documents' own sentences; no language model is configured):";

    public const string NoAnswer = "The retrieved passages do not appear to answer this question.";

    /// <summary>Shorter is a heading or a fragment, longer a run-on the splitter could not cut.</summary>
    private const int MinSentenceLength = 30;
    private const int MaxSentenceLength = 800;

    public async Task<Answer> AnswerAsync(string question, IReadOnlyList<SearchHit> passages, IReadOnlyList<ConversationTurnText> history, CancellationToken cancellationToken)
    {
        var candidates = passages
            .SelectMany((passage, index) => SentenceSplitter.Split(passage.Text).Select(sentence => (Number: index + 1, Sentence: sentence)))
            .Where(c => c.Sentence.Length is >= MinSentenceLength and <= MaxSentenceLength)
            .DistinctBy(c => c.Sentence)
            .ToList();
        if (candidates.Count == 0)
        {
            return new Answer(NoAnswer, Answer.Extractive, Answered: false, []);
        }

        var settings = options.Value;
        // A follow-up ("which rule allows correcting it?") means little alone; read it with the question before it.
        var target = await queries.EmbedAsync(history.Count > 0 ? $"{history[^1].Question} {question}" : question, cancellationToken);
        var vectors = await generator.GenerateAsync(candidates.Select(c => c.Sentence), cancellationToken: cancellationToken);
        var best = candidates
            .Select((c, i) => (c.Number, c.Sentence, Similarity: TensorPrimitives.CosineSimilarity(target.Span, vectors[i].Vector.Span)))
            .Where(c => c.Similarity >= settings.ExtractiveMinSimilarity)
            .OrderByDescending(c => c.Similarity)
            .Take(settings.ExtractiveSentences)
            .ToList();
        if (best.Count == 0)
        {
            return new Answer(NoAnswer, Answer.Extractive, Answered: false, []);
        }

        var text = $"{Preamble}\n" + string.Join("\n", best.Select(b => $"“{b.Sentence}” [{b.Number}]"));
        var references = best
            .GroupBy(b => b.Number)
            .Select(g => Reference(g.Key, passages[g.Key - 1], string.Join(" … ", g.Select(b => b.Sentence))))
            .ToList();
        return new Answer(text, Answer.Extractive, Answered: true, references);
    }

    public async IAsyncEnumerable<AnswerPart> StreamAsync(string question, IReadOnlyList<SearchHit> passages, IReadOnlyList<ConversationTurnText> history, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var answer = await AnswerAsync(question, passages, history, cancellationToken);
        yield return new AnswerPart(answer.Text, null);
        yield return new AnswerPart(null, answer);
    }

    internal static AnswerReference Reference(int number, SearchHit passage, string quote) =>
        new(number, passage.ChunkId, passage.DocumentId, passage.DocumentName, passage.PageStart, passage.PageEnd, quote);
}
