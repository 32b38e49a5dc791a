namespace LexIntel.Tests.ConsumerHost;

public sealed class LedgerOptions
{
    public const string SectionName = "Ledger";

    public string Kind { get; set; } = string.Empty;

    /// <summary>How long each job takes.</summary>
    public TimeSpan HandlerDelay { get; set; }
}
