namespace LexIntel.ApiService.Ask;

/// <summary>Bound from <c>LexIntel:Ask</c>; the model itself comes from the <c>chat</c> connection string.</summary>
public sealed class AskOptions
{
    public const string SectionName = "LexIntel:Ask";

    /// <summary>Passages retrieved (hybrid search) and given to the answerer.</summary>
    public int Passages { get; set; } = 6;

    /// <summary>Sentences an extractive answer quotes at most.</summary>
    public int ExtractiveSentences { get; set; } = 3;

    /// <summary>
    /// Below this cosine similarity between question and sentence, a sentence is not taken as an
    /// answer. Measured with arctic-embed-xs on the corpus: the best sentence scored 0.70–0.77 for
    /// five questions the documents answer and 0.48–0.61 for five they do not.
    /// </summary>
    public double ExtractiveMinSimilarity { get; set; } = 0.65;
}
