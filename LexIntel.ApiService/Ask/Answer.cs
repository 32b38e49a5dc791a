namespace LexIntel.ApiService.Ask;

/// <summary>
/// An answer whose every <c>[n]</c> resolves to one of <see cref="References"/>.
/// <see cref="Answered"/> is false when the passages did not contain an answer.
/// </summary>
public sealed record Answer(string Text, string Kind, bool Answered, IReadOnlyList<AnswerReference> References)
{
    public const string Extractive = "extractive";
    public const string Generated = "generated";
}
