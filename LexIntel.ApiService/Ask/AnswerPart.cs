namespace LexIntel.ApiService.Ask;

/// <summary>A piece of a streamed answer: text to append, or (last) the finished answer.</summary>
public sealed record AnswerPart(string? Delta, Answer? Final);
