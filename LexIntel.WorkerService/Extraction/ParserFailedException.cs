namespace LexIntel.WorkerService.Extraction;

/// <summary>A parser failed on the file in a way no extractor anticipated; the same file fails the same way again.</summary>
public sealed class ParserFailedException(string error) : Exception($"Extraction failed in the sandbox: {error}");
